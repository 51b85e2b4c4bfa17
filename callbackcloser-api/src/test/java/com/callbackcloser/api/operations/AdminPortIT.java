package com.callbackcloser.api.operations;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** The admin port with ADMIN_TOKEN set: what needs the token, what the tasks refuse, what logging can show. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminPortIT {
    private static final String TOKEN = "admin-token-0123456789abcdef0123456789abcdef";
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures("adminAccess.token", TOKEN);

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stopFake() {
        SERVICE.twilio.close();
    }

    @Test
    void healthAndPingAreOpenAndEverythingElseNeedsTheToken() throws Exception {
        assertThat(admin("GET", "/healthcheck", null).statusCode()).isEqualTo(200);
        assertThat(admin("GET", "/ping", null).statusCode()).isEqualTo(200);

        for (String path : List.of("/metrics", "/prometheus", "/threads", "/tasks", "/")) {
            HttpResponse<String> none = admin("GET", path, null);
            assertThat(none.statusCode()).as("GET " + path + " without a token").isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate"))
                    .as(path)
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(admin("GET", path, "Bearer " + TOKEN + "x").statusCode())
                    .as("GET " + path + " with a wrong token")
                    .isEqualTo(401);
            assertThat(admin("GET", path, TOKEN).statusCode())
                    .as("GET " + path + " with the token but not as a bearer")
                    .isEqualTo(401);
        }
        assertThat(admin("POST", "/tasks/gc", null).statusCode()).isEqualTo(401);

        assertThat(admin("GET", "/metrics", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(admin("GET", "/prometheus", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(admin("POST", "/tasks/gc", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnscopedRetryOfFailedTextsIsRefusedWithTheScopesItTakes() throws Exception {
        Business business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        UUID failed = failedText(business);

        HttpResponse<String> unscoped = admin("POST", "/tasks/retry-failed-messages", "Bearer " + TOKEN);

        assertThat(unscoped.statusCode()).isEqualTo(400);
        assertThat(unscoped.body()).contains("id=").contains("since=");
        assertThat(deliveryState(failed)).isEqualTo("FAILED");

        HttpResponse<String> malformed =
                admin("POST", "/tasks/retry-failed-messages?since=yesterday", "Bearer " + TOKEN);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("since must be an ISO-8601 instant");

        SERVICE.twilio.acceptMessages();
        HttpResponse<String> one = admin("POST", "/tasks/retry-failed-messages?id=" + failed, "Bearer " + TOKEN);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("1 failed messages queued again");
    }

    @Test
    void theLogLevelTaskCannotTurnOnTheHttpClientsHeaderOrWireLogging() throws Exception {
        for (String logger : List.of(
                "org.apache.hc.client5.http.headers",
                "org.apache.hc.client5.http.wire",
                "org.apache.hc.client5.http.wire.anything",
                "org.apache.http.headers",
                "org.apache.http.wire")) {
            HttpResponse<String> refused =
                    admin("POST", "/tasks/log-level?logger=" + logger + "&level=DEBUG", "Bearer " + TOKEN);
            assertThat(refused.statusCode()).as(logger).isEqualTo(400);
            assertThat(refused.body()).as(logger).contains(logger);
        }

        // Their parents can be turned up; the credentials still never reach the log.
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(captured);
        try {
            assertThat(admin(
                                    "POST",
                                    "/tasks/log-level?logger=org.apache.hc&logger=com.twilio&level=TRACE",
                                    "Bearer " + TOKEN)
                            .statusCode())
                    .isEqualTo(200);
            SERVICE.twilio.acceptMessages();
            int sentBefore = SERVICE.twilio.createRequests();
            Business business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
            SERVICE.webhooks()
                    .post(
                            "/api/twilio/status",
                            params(
                                    "AccountSid",
                                    TwilioFake.ACCOUNT_SID,
                                    "CallSid",
                                    "CA" + UUID.randomUUID().toString().replace("-", ""),
                                    "From",
                                    "+14155550123",
                                    "To",
                                    business.twilioNumber(),
                                    "DialCallStatus",
                                    "no-answer"));
            Eventually.within(
                    Duration.ofSeconds(30),
                    () -> assertThat(SERVICE.twilio.createRequests()).isGreaterThan(sentBefore));
        } finally {
            admin("POST", "/tasks/log-level?logger=org.apache.hc&logger=com.twilio", "Bearer " + TOKEN);
            root.detachAppender(captured);
        }

        List<ILoggingEvent> events = new ArrayList<>(captured.list);
        assertThat(events)
                .as("the HTTP client really logged at DEBUG")
                .anySatisfy(event -> assertThat(event.getLoggerName()).startsWith("org.apache.hc"));
        String basic = Base64.getEncoder()
                .encodeToString(
                        (TwilioFake.ACCOUNT_SID + ":" + TwilioFake.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(events)
                .allSatisfy(event -> assertThat(text(event))
                        .doesNotContain(basic)
                        .doesNotContain(TwilioFake.AUTH_TOKEN)
                        .doesNotContainIgnoringCase("authorization: basic"));
    }

    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
            text.append('\n').append(error.getMessage());
        }
        return text.toString();
    }

    private static UUID failedText(Business business) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                                INSERT INTO messages (business_id, direction, participant, from_number, to_number, body,
                                                      delivery_state, attempts, last_error, created_at, updated_at)
                                VALUES (:b, 'OUTBOUND', 'LEAD', :from, '+14155550177', 'a failed text', 'FAILED', 6,
                                        'Twilio was down', now(), now())
                                RETURNING id""")
                        .bind("b", business.id())
                        .bind("from", business.twilioNumber())
                        .mapTo(UUID.class)
                        .one());
    }

    private static String deliveryState(UUID message) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT delivery_state FROM messages WHERE id = :id")
                        .bind("id", message)
                        .mapTo(String.class)
                        .one());
    }

    private HttpResponse<String> admin(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + SERVICE.app.getAdminPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
