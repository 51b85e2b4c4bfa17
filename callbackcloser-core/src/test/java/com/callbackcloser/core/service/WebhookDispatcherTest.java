package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.ClaimedWebhook;
import com.callbackcloser.core.model.WebhookAttempt;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import com.callbackcloser.core.port.out.WebhookRepository;
import com.callbackcloser.core.port.out.WebhookRequest;
import com.callbackcloser.core.port.out.WebhookResponse;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookDispatcherTest {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final RetryPolicy RETRIES = new RetryPolicy(4, Duration.ofSeconds(5), Duration.ofHours(1));

    /** What the dispatcher wrote: one line per repository call. */
    private final List<String> writes = new ArrayList<>();

    private final List<WebhookAttempt> attempts = new ArrayList<>();
    private final List<WebhookRequest> sent = new ArrayList<>();
    private WebhookResponse answer = new WebhookResponse(200, null, 12);

    private final TransactionRunner transactions = new TransactionRunner() {
        @Override
        public <T> T inTransaction(Function<Repositories, T> work) {
            return work.apply(repositories());
        }
    };

    @Test
    void a2xxIsDeliveredAndTheRequestIsSignedWithTheEndpointsSecret() {
        ClaimedWebhook webhook = claimed(1, true, "https://hooks.example.com/x");

        assertThat(dispatcher("93.184.216.34").deliver(webhook)).isEqualTo(WebhookOutcome.DELIVERED);

        assertThat(writes).containsExactly("delivered 200");
        assertThat(attempts).containsExactly(new WebhookAttempt(1, NOW, 200, 12, null));
        WebhookRequest request = sent.get(0);
        assertThat(request.headers())
                .containsEntry("CallbackCloser-Event-Id", webhook.eventId().toString())
                .containsEntry("CallbackCloser-Event-Type", "lead.created")
                .containsEntry("CallbackCloser-Delivery-Id", webhook.id().toString())
                .containsEntry("CallbackCloser-Timestamp", Long.toString(NOW.getEpochSecond()));
        assertThat(WebhookSignature.verify(
                        "whsec_x",
                        request.headers().get("CallbackCloser-Signature"),
                        request.body(),
                        NOW.getEpochSecond(),
                        300))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 408, 429, 500, 502, 503, 504})
    void noAnswerTimeoutsThrottlingAndServerErrorsAreRetriedWithBackoff(int status) {
        answer = new WebhookResponse(status == 0 ? null : status, status == 0 ? "ConnectException" : null, 3);

        assertThat(dispatcher("93.184.216.34").deliver(claimed(2, true, "https://hooks.example.com/x")))
                .isEqualTo(WebhookOutcome.RETRY_SCHEDULED);
        // The second retry waits between half and all of 10 s; the jitter here is 0.5.
        assertThat(writes).containsExactly("reschedule " + NOW.plusMillis(7_500));
    }

    @Test
    void retriesEndAfterTheLastAttempt() {
        answer = new WebhookResponse(503, null, 3);

        assertThat(dispatcher("93.184.216.34").deliver(claimed(4, true, "https://hooks.example.com/x")))
                .isEqualTo(WebhookOutcome.FAILED_AFTER_RETRIES);
        assertThat(writes).containsExactly("failed 503");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 400, 401, 404, 410, 422})
    void anyOtherAnswerFailsAtOnce(int status) {
        answer = new WebhookResponse(status, "no", 3);

        assertThat(dispatcher("93.184.216.34").deliver(claimed(1, true, "https://hooks.example.com/x")))
                .isEqualTo(WebhookOutcome.FAILED_REFUSED);
        assertThat(writes).containsExactly("failed " + status);
        assertThat(attempts).hasSize(1);
    }

    @Test
    void aDisabledEndpointOrAHostNowResolvingInsideTheNetworkIsNeverCalled() {
        assertThat(dispatcher("93.184.216.34").deliver(claimed(1, false, "https://hooks.example.com/x")))
                .isEqualTo(WebhookOutcome.CANCELED_ENDPOINT_DISABLED);
        assertThat(dispatcher("169.254.169.254").deliver(claimed(4, true, "https://hooks.example.com/x")))
                .isEqualTo(WebhookOutcome.FAILED_ADDRESS_NOT_ALLOWED);
        assertThat(sent).isEmpty();
        assertThat(writes).containsExactly("failed null", "failed null");
    }

    /**
     * DNS rebinding: the name was public when the endpoint was registered and points inside the network when the
     * delivery is due. Nothing is sent, the owner is not told where the name points, and the delivery is tried
     * again (like a name that does not resolve), so it goes out once the name is public again.
     */
    @Test
    void aNamePublicAtRegistrationAndInternalAtDeliveryIsNotCalledAndTheAttemptDoesNotNameTheAddress() {
        String[] dns = {"93.184.216.34"};
        EndpointUrlPolicy policy =
                new EndpointUrlPolicy(false, host -> new InetAddress[] {InetAddress.getByName(dns[0])});
        assertThat(policy.validate("https://rebinding.example.com/x")).isEqualTo("https://rebinding.example.com/x");
        dns[0] = "169.254.169.254";

        WebhookDispatcher dispatcher = dispatcher(policy);
        assertThat(dispatcher.deliver(claimed(1, true, "https://rebinding.example.com/x")))
                .isEqualTo(WebhookOutcome.RETRY_SCHEDULED);
        assertThat(sent).isEmpty();
        assertThat(attempts)
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.error())
                        .contains("rebinding.example.com")
                        .doesNotContain("169.254"));

        dns[0] = "::ffff:127.0.0.1";
        assertThat(dispatcher.deliver(claimed(2, true, "https://rebinding.example.com/x")))
                .isEqualTo(WebhookOutcome.RETRY_SCHEDULED);
        dns[0] = "64:ff9b::a9fe:a9fe";
        assertThat(dispatcher.deliver(claimed(3, true, "https://rebinding.example.com/x")))
                .isEqualTo(WebhookOutcome.RETRY_SCHEDULED);
        assertThat(sent).isEmpty();

        dns[0] = "93.184.216.34";
        assertThat(dispatcher.deliver(claimed(4, true, "https://rebinding.example.com/x")))
                .isEqualTo(WebhookOutcome.DELIVERED);
        assertThat(sent).hasSize(1);
        assertThat(attempts)
                .extracting(WebhookAttempt::error)
                .allSatisfy(error -> assertThat(String.valueOf(error))
                        .doesNotContain("169.254")
                        .doesNotContain("127.0.0.1")
                        .doesNotContain("ff9b"));
    }

    @Test
    void aHostThatDoesNotResolveReadsLikeOneThatResolvesInsideTheNetwork() {
        WebhookDispatcher nowhere = dispatcher(new EndpointUrlPolicy(false, host -> {
            throw new java.net.UnknownHostException(host);
        }));
        nowhere.deliver(claimed(1, true, "https://a.example.com/x"));
        dispatcher("10.0.0.1").deliver(claimed(1, true, "https://a.example.com/x"));

        assertThat(attempts)
                .extracting(WebhookAttempt::error)
                .containsOnly(attempts.get(0).error());
        assertThat(writes)
                .containsExactly("reschedule " + NOW.plusMillis(3_750), "reschedule " + NOW.plusMillis(3_750));
        assertThat(sent).isEmpty();
    }

    @Test
    void theDefaultScheduleKeepsTryingForAboutADay() {
        RetryPolicy defaults = new RetryPolicy(36, Duration.ofSeconds(5), Duration.ofHours(1));
        for (double jitter : new double[] {0, 0.999}) {
            Instant at = NOW;
            int attempt = 1;
            Optional<Instant> next = defaults.nextAttempt(attempt, at, jitter);
            while (next.isPresent()) {
                at = next.get();
                attempt++;
                next = defaults.nextAttempt(attempt, at, jitter);
            }
            assertThat(attempt).isEqualTo(36);
            assertThat(Duration.between(NOW, at)).isBetween(Duration.ofHours(13), Duration.ofHours(27));
        }
    }

    private WebhookDispatcher dispatcher(String resolvesTo) {
        return dispatcher(new EndpointUrlPolicy(false, host -> new InetAddress[] {InetAddress.getByName(resolvesTo)}));
    }

    private WebhookDispatcher dispatcher(EndpointUrlPolicy policy) {
        return new WebhookDispatcher(
                transactions,
                request -> {
                    sent.add(request);
                    return answer;
                },
                policy,
                RETRIES,
                Duration.ofMinutes(2),
                Clock.fixed(NOW, ZoneOffset.UTC),
                () -> 0.5);
    }

    private static ClaimedWebhook claimed(int attempt, boolean enabled, String url) {
        return new ClaimedWebhook(
                UUID.randomUUID(),
                UUID.randomUUID(),
                url,
                "whsec_x",
                null,
                enabled,
                UUID.randomUUID(),
                "lead.created",
                "{\"type\":\"lead.created\"}",
                attempt);
    }

    private Repositories repositories() {
        WebhookRepository webhooks = (WebhookRepository) Proxy.newProxyInstance(
                WebhookRepository.class.getClassLoader(),
                new Class<?>[] {WebhookRepository.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "recordAttempt" -> attempts.add((WebhookAttempt) args[1]);
                        case "markDelivered" -> writes.add("delivered " + args[2]);
                        case "markFailed" -> writes.add("failed " + args[2]);
                        case "reschedule" -> writes.add("reschedule " + args[2]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        return (Repositories) Proxy.newProxyInstance(
                Repositories.class.getClassLoader(), new Class<?>[] {Repositories.class}, (proxy, method, args) -> {
                    if (method.getName().equals("webhooks")) {
                        return webhooks;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
