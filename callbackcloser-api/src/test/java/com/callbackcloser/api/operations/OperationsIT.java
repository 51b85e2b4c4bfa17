package com.callbackcloser.api.operations;

import static com.callbackcloser.api.testing.WebhookClient.encode;
import static com.callbackcloser.api.testing.WebhookClient.params;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.callbackcloser.api.CallbackCloserApplication;
import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.StripeFake;
import com.callbackcloser.api.testing.StripeSignature;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.api.testing.TwilioSignature;
import com.callbackcloser.api.testing.WebhookClient;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.adapter.JdbiTransactionRunner;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Running the service: shared rate limits, secret rotations, health checks, alerts and what the logs show. */
class OperationsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestDatabase database = TestDatabase.create();
    private final TwilioFake twilio = new TwilioFake();
    private final List<DropwizardTestSupport<CallbackCloserConfiguration>> apps = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopEverything() {
        // Each instance restores the dw.* system properties it found at start, so stop them newest first.
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).after();
        }
        twilio.close();
    }

    @Test
    void twoInstancesOnOneDatabaseShareOneRateLimitAndSay429WithTheHeaders() throws Exception {
        Map<String, String> limits =
                Map.of("rateLimits.twilioUnauthorized.limit", "5", "rateLimits.twilioUnauthorized.window", "60s");
        DropwizardTestSupport<CallbackCloserConfiguration> first = start(withSignatures(limits));
        DropwizardTestSupport<CallbackCloserConfiguration> second = start(withSignatures(limits));
        String unsigned = encode(params("CallSid", "CA1", "To", "+14155550100", "DialCallStatus", "busy"));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(webhooks(first)
                    .postRaw("/api/twilio/status", unsigned, Map.of())
                    .statusCode());
            statuses.add(webhooks(second)
                    .postRaw("/api/twilio/status", unsigned, Map.of())
                    .statusCode());
        }
        HttpResponse<String> throttled = webhooks(second).postRaw("/api/twilio/status", unsigned, Map.of());

        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 61));
        assertThat(throttled.headers().firstValue("X-RateLimit-Limit")).contains("5");
        assertThat(throttled.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(throttled.headers().firstValue("X-RateLimit-Reset"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v))
                        .isGreaterThan(Instant.now().getEpochSecond()));
        assertThat(throttled.body()).contains("\"code\":429");
    }

    @Test
    void normalTwilioTrafficIsNeverThrottledAtTheDefaults() {
        DropwizardTestSupport<CallbackCloserConfiguration> app = start(withSignatures(Map.of()));
        Business business =
                TestBusinesses.create(new JdbiTransactionRunner(database.jdbi()), SubscriptionStatus.INACTIVE);
        WebhookClient signed = webhooks(app);
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> response = signed.post(
                    "/api/twilio/status",
                    params(
                            "AccountSid",
                            TwilioFake.ACCOUNT_SID,
                            "CallSid",
                            "CA" + i,
                            "From",
                            "+14155550123",
                            "To",
                            business.twilioNumber(),
                            "DialCallStatus",
                            "completed"));
            assertThat(response.statusCode()).as("request " + i).isEqualTo(200);
        }
    }

    @Test
    void aPreviousTwilioAuthTokenIsAcceptedDuringARotationAndRefusedAfterIt() {
        Map<String, String> params =
                params("CallSid", "CA1", "From", "+14155550123", "To", "+19995550100", "DialCallStatus", "completed");
        String signedWithOld =
                TwilioSignature.sign("the-old-auth-token", "https://callbacks.example.test/api/twilio/status", params);

        DropwizardTestSupport<CallbackCloserConfiguration> rotating =
                start(withSignatures(Map.of("twilio.previousAuthToken", "the-old-auth-token")));
        assertThat(webhooks(rotating)
                        .postRaw("/api/twilio/status", encode(params), Map.of("X-Twilio-Signature", signedWithOld))
                        .statusCode())
                .isEqualTo(200);
        assertThat(webhooks(rotating).post("/api/twilio/status", params).statusCode())
                .isEqualTo(200);
        assertThat(previousCredentialUses(rotating))
                .as("only the old-token request counts")
                .isEqualTo(1);
        rotating.after();
        apps.remove(rotating);

        DropwizardTestSupport<CallbackCloserConfiguration> rotated = start(withSignatures(Map.of()));
        assertThat(webhooks(rotated)
                        .postRaw("/api/twilio/status", encode(params), Map.of("X-Twilio-Signature", signedWithOld))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aSharedTokenRotationAcceptsTheOldTokenWhileListedAndRefusesItOnceDropped() {
        String body = encode(params("CallSid", "CA1", "To", "+19995550100", "DialCallStatus", "completed"));
        DropwizardTestSupport<CallbackCloserConfiguration> during =
                start(Map.of("twilio.webhookAuthToken", "new-token", "twilio.previousWebhookAuthTokens", "old-token"));
        assertThat(webhooks(during)
                        .postRaw("/api/twilio/status?webhook_token=old-token", body, Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(webhooks(during)
                        .postRaw("/api/twilio/status?webhook_token=new-token", body, Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(previousCredentialUses(during))
                .as("only the old-token request counts")
                .isEqualTo(1);
        during.after();
        apps.remove(during);

        DropwizardTestSupport<CallbackCloserConfiguration> after =
                start(Map.of("twilio.webhookAuthToken", "new-token"));
        assertThat(webhooks(after)
                        .postRaw("/api/twilio/status?webhook_token=old-token", body, Map.of())
                        .statusCode())
                .isEqualTo(401);
        assertThat(webhooks(after)
                        .postRaw("/api/twilio/status?webhook_token=new-token", body, Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theHealthCheckSaysWhatIsWrongWhenTheOutboxIsStuck() throws Exception {
        DropwizardTestSupport<CallbackCloserConfiguration> app =
                start(withSignatures(Map.of("outbox.enabled", "false")));
        assertThat(health(app).statusCode()).isEqualTo(200);
        Business business =
                TestBusinesses.create(new JdbiTransactionRunner(database.jdbi()), SubscriptionStatus.ACTIVE);
        database.jdbi()
                .useHandle(h -> h.createUpdate("""
                        INSERT INTO messages (business_id, direction, participant, from_number, to_number, body,
                                              delivery_state, next_attempt_at, created_at, updated_at)
                        VALUES (:b, 'OUTBOUND', 'LEAD', :from, '+14155550123', 'waiting', 'QUEUED',
                                now() - interval '10 minutes', now(), now())""")
                        .bind("b", business.id())
                        .bind("from", business.twilioNumber())
                        .execute());

        HttpResponse<String> health = health(app);

        assertThat(health.statusCode()).isEqualTo(500);
        assertThat(health.body())
                .contains("\"outbox\"")
                .contains("the oldest due text has waited")
                .contains("are the outbox workers running?")
                .contains("\"due\":1");
    }

    @Test
    void errorsArePostedToTheAlertWebhookWithoutSlowingTheRequestThatFailed() throws Exception {
        try (AlertReceiver alerts =
                new AlertReceiver(aResponse().withStatus(200).withFixedDelay(30_000))) {
            DropwizardTestSupport<CallbackCloserConfiguration> app = start(withSignatures(alerts.settings()));
            alerts.stripe.failsSubscriptionFetches("sub_fails");

            long started = System.nanoTime();
            HttpResponse<String> failed = postFailingStripeEvent(app);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(failed.statusCode()).isEqualTo(500);
            // The receiver sits on each post for half a minute. Not a measure of speed (the machine may be busy),
            // only that the request waited for nothing of the alert's.
            assertThat(took).isLessThan(Duration.ofSeconds(20));
            Eventually.within(
                    Duration.ofSeconds(30),
                    () -> alerts.server.verify(postRequestedFor(urlPathEqualTo("/alert"))
                            .withHeader("Authorization", equalTo("Bearer alert-secret"))));
            String alert = alerts.bodies().get(0);
            assertThat(alert)
                    .contains("\"level\":\"ERROR\"")
                    .contains("stripe.webhook")
                    .contains("decision=retry")
                    .contains("\"correlationId\":");
        }
    }

    /** Slack's incoming webhooks refuse a payload without {@code text}; other receivers read the fields after it. */
    @Test
    void anAlertIsASlackMessageFirstWithTheDetailsAfterItAndNoSecrets() throws Exception {
        try (AlertReceiver alerts = new AlertReceiver(aResponse().withStatus(200))) {
            DropwizardTestSupport<CallbackCloserConfiguration> app = start(withSignatures(alerts.settings()));
            alerts.stripe.failsSubscriptionFetches("sub_fails");

            postFailingStripeEvent(app);

            JsonNode alert = JSON.readTree(alerts.awaitBodies(1).get(0));
            assertThat(alert.fieldNames().next()).isEqualTo("text");
            assertThat(alert.path("text").asText())
                    .startsWith("[development callbacks.example.test] ERROR stripe.webhook: event=stripe.webhook")
                    .contains("decision=retry")
                    .doesNotContain("\n", StripeFake.SECRET_KEY, TwilioFake.AUTH_TOKEN, "<", ">");
            assertThat(alert.path("environment").asText()).isEqualTo("development callbacks.example.test");
            assertThat(alert.path("logger").asText()).isEqualTo("stripe.webhook");
            assertThat(alert.path("message").asText()).contains("decision=retry");
            assertThat(alert.toString()).doesNotContain(StripeFake.SECRET_KEY, TwilioFake.AUTH_TOKEN, "alert-secret");
        }
    }

    @Test
    void theSameErrorIsAlertedOnceAMinute() throws Exception {
        try (AlertReceiver alerts = new AlertReceiver(aResponse().withStatus(200))) {
            DropwizardTestSupport<CallbackCloserConfiguration> app = start(withSignatures(alerts.settings()));
            alerts.stripe.failsSubscriptionFetches("sub_fails");

            for (int i = 0; i < 4; i++) {
                assertThat(postFailingStripeEvent(app).statusCode()).isEqualTo(500);
            }
            // A different error: once its alert is in, everything queued before it has been sent (one sender).
            LoggerFactory.getLogger("operations.it").error("a test-made error, to see it alerted");

            List<String> posted = alerts.awaitBodies(2);
            assertThat(posted.get(0)).contains("decision=retry");
            assertThat(posted.get(1)).contains("a test-made error");
        }
    }

    @Test
    void aFailingAlertReceiverChangesNoAnswerAndSlowsNothing() throws Exception {
        try (AlertReceiver alerts = new AlertReceiver(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))) {
            DropwizardTestSupport<CallbackCloserConfiguration> app = start(withSignatures(alerts.settings()));
            alerts.stripe.failsSubscriptionFetches("sub_fails");
            Business business =
                    TestBusinesses.create(new JdbiTransactionRunner(database.jdbi()), SubscriptionStatus.INACTIVE);

            for (int i = 0; i < 3; i++) {
                HttpResponse<String> failed = postFailingStripeEvent(app);
                assertThat(failed.statusCode()).isEqualTo(500);
                assertThat(failed.body()).contains("\"code\":500");
                LoggerFactory.getLogger("operations.it").error("a test-made error {}, for a receiver that hangs up", i);
            }
            Eventually.within(
                    Duration.ofSeconds(30),
                    () -> assertThat(alerts.server.getAllServeEvents()).hasSizeGreaterThanOrEqualTo(2));

            HttpResponse<String> missed = webhooks(app)
                    .post(
                            "/api/twilio/status",
                            params(
                                    "AccountSid",
                                    TwilioFake.ACCOUNT_SID,
                                    "CallSid",
                                    "CAafterfailedalerts",
                                    "From",
                                    "+14155550123",
                                    "To",
                                    business.twilioNumber(),
                                    "DialCallStatus",
                                    "no-answer"));
            assertThat(missed.statusCode()).isEqualTo(200);
            assertThat(health(app).statusCode()).isEqualTo(200);
        }
    }

    /** A local alert webhook and the Stripe fake whose refusal makes the service log an error. */
    private static final class AlertReceiver implements AutoCloseable {
        final WireMockServer server =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        final StripeFake stripe = new StripeFake();

        AlertReceiver(ResponseDefinitionBuilder answer) {
            server.start();
            server.stubFor(post(urlPathEqualTo("/alert")).willReturn(answer));
        }

        Map<String, String> settings() {
            return Map.of(
                    "alerts.webhookUrl",
                    "http://127.0.0.1:" + server.port() + "/alert",
                    "alerts.webhookToken",
                    "alert-secret",
                    "stripe.secretKey",
                    StripeFake.SECRET_KEY,
                    "stripe.webhookSecret",
                    StripeFake.WEBHOOK_SECRET,
                    "stripe.apiBaseUrl",
                    stripe.baseUrl());
        }

        List<String> bodies() {
            return server.findAll(postRequestedFor(urlPathEqualTo("/alert"))).stream()
                    .map(LoggedRequest::getBodyAsString)
                    .toList();
        }

        /** Exactly this many alerts, once at least this many have arrived. */
        List<String> awaitBodies(int count) {
            Eventually.within(Duration.ofSeconds(30), () -> assertThat(bodies()).hasSizeGreaterThanOrEqualTo(count));
            List<String> bodies = bodies();
            assertThat(bodies).hasSize(count);
            return bodies;
        }

        @Override
        public void close() {
            server.stop();
            stripe.close();
        }
    }

    /** A checkout whose subscription Stripe will not hand over: the webhook logs an error and asks for a retry. */
    private HttpResponse<String> postFailingStripeEvent(DropwizardTestSupport<CallbackCloserConfiguration> app)
            throws Exception {
        String event = """
                {"id":"evt_%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,
                 "data":{"object":{"id":"cs_1","object":"checkout.session","customer":"cus_1",
                 "subscription":"sub_fails","client_reference_id":"%s"}},"type":"checkout.session.completed"}
                """.formatted(
                UUID.randomUUID().toString().replace("-", ""), Instant.now().getEpochSecond(), UUID.randomUUID());
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.getLocalPort() + "/api/stripe/webhook"))
                        .header(
                                "Stripe-Signature",
                                StripeSignature.header(
                                        StripeFake.WEBHOOK_SECRET,
                                        event,
                                        Instant.now().getEpochSecond()))
                        .POST(HttpRequest.BodyPublishers.ofString(event))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMissedCallIsLoggedUnderItsEventNamesWithMaskedNumbers() {
        DropwizardTestSupport<CallbackCloserConfiguration> app = start(Map.of());
        Business business =
                TestBusinesses.create(new JdbiTransactionRunner(database.jdbi()), SubscriptionStatus.ACTIVE);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger("twilio.status"), (Logger)
                LoggerFactory.getLogger("twilio.messaging"));
        loggers.forEach(logger -> logger.addAppender(captured));
        try {
            webhooks(app)
                    .postRaw(
                            "/api/twilio/status",
                            encode(params(
                                    "CallSid",
                                    "CAlogged",
                                    "From",
                                    "+14155550144",
                                    "To",
                                    business.twilioNumber(),
                                    "DialCallStatus",
                                    "no-answer")),
                            Map.of());
            Eventually.within(
                    Duration.ofSeconds(10),
                    () -> assertThat(captured.list)
                            .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("decision=simulated")));
        } finally {
            loggers.forEach(logger -> logger.detachAppender(captured));
        }
        List<String> lines =
                captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines)
                .anySatisfy(line ->
                        assertThat(line).contains("event=twilio.status", "callSid=CAlogged", "decision=text_queued"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("event=twilio.messaging", "to=***0144"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("4155550144"));
        // Request-thread lines carry the request's correlation id; the dispatcher's lines carry the messageId.
        assertThat(captured.list)
                .filteredOn(e -> e.getLoggerName().equals("twilio.status"))
                .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsKey("correlationId"));
        assertThat(captured.list)
                .filteredOn(e -> e.getLoggerName().equals("twilio.messaging"))
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains("messageId="));
    }

    /** What tells the operator the old credential is still in use. */
    private static long previousCredentialUses(DropwizardTestSupport<CallbackCloserConfiguration> app) {
        return app.getEnvironment()
                .metrics()
                .counter("callbackcloser.decisions.twilio.webhook-auth.previous_credential")
                .getCount();
    }

    private Map<String, String> withSignatures(Map<String, String> more) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "twilio.validateSignature", "true",
                "twilio.accountSid", TwilioFake.ACCOUNT_SID,
                "twilio.authToken", TwilioFake.AUTH_TOKEN));
        settings.putAll(more);
        return settings;
    }

    private DropwizardTestSupport<CallbackCloserConfiguration> start(Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("database.url", database.jdbcUrl());
        settings.put("database.user", database.user());
        settings.put("twilio.apiBaseUrl", twilio.baseUrl());
        settings.putAll(overrides);
        DropwizardTestSupport<CallbackCloserConfiguration> app = new DropwizardTestSupport<>(
                CallbackCloserApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                settings.entrySet().stream()
                        .map(e -> ConfigOverride.config(e.getKey(), e.getValue()))
                        .toArray(ConfigOverride[]::new));
        try {
            app.before();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        apps.add(app);
        return app;
    }

    private static WebhookClient webhooks(DropwizardTestSupport<CallbackCloserConfiguration> app) {
        return new WebhookClient(app.getLocalPort(), "https://callbacks.example.test", TwilioFake.AUTH_TOKEN);
    }

    private HttpResponse<String> health(DropwizardTestSupport<CallbackCloserConfiguration> app) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.getAdminPort() + "/healthcheck"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
