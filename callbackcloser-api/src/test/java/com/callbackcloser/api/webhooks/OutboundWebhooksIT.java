package com.callbackcloser.api.webhooks;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.testing.Concurrently;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.service.EndpointUrlPolicy;
import com.callbackcloser.core.service.RetryPolicy;
import com.callbackcloser.core.service.WebhookDispatcher;
import com.callbackcloser.db.testing.TestBusinesses;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound webhooks end to end: the service's own workers POST to WireMock on loopback. Retries are short here
 * (50 ms doubling to 200 ms, 30 attempts), so "down for a while, then back" takes a second, not an hour.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OutboundWebhooksIT {
    private static final JwtIssuer IDP = new JwtIssuer();
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures(
            "auth.jwtIssuer", JwtIssuer.ISSUER,
            "auth.jwksUrl", IDP.jwksUrl(),
            "outbox.enabled", "false",
            "outboundWebhooks.maxAttempts", "30",
            "outboundWebhooks.initialRetryDelay", "50ms",
            "outboundWebhooks.maxRetryDelay", "200ms");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger CALLERS = new AtomicInteger();
    private static final List<String> ALL_EVENTS =
            List.of("lead.created", "lead.qualified", "lead.completed", "lead.status_changed", "message.received");
    private static WireMockServer receiver;

    private String owner;
    private String business;
    private String twilioNumber;
    private String caller;
    private String path;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        // The first JWKS fetch of a cold JVM on a busy machine can outlast nimbus's half-second timeout (a 401 for
        // whichever test runs first): wait until tokens are accepted.
        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(api().get(IDP.token("warm_up"), "/api/businesses")
                                .status())
                        .isEqualTo(200));
    }

    @AfterAll
    static void stop() {
        receiver.stop();
        IDP.close();
    }

    @BeforeEach
    void anActiveBusinessWithANumber() {
        owner = IDP.token("owner_" + UUID.randomUUID());
        OwnerApiClient.Answer created = api().post(
                        owner, "/api/businesses", Map.of("name", "Acme Plumbing", "forwardingNumber", "+14155550199"));
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        business = created.text("id");
        twilioNumber = TestBusinesses.nextTwilioNumber();
        SERVICE.transactions().inTransaction(r -> {
            r.businesses()
                    .attachTwilioNumber(
                            UUID.fromString(business), twilioNumber, "PN" + UUID.randomUUID(), Instant.now());
            r.businesses()
                    .setManualSubscription(
                            UUID.fromString(business), SubscriptionStatus.ACTIVE, PlanTier.STARTER, Instant.now());
            return null;
        });
        caller = String.format("+1415556%04d", CALLERS.incrementAndGet());
        path = "/hook/" + UUID.randomUUID();
    }

    @Test
    void aDeliveryCarriesItsHeadersAndASignatureThatVerifiesWithTheDocumentedAlgorithm() throws Exception {
        answer(200);
        String secret = register(receiverUrl(), List.of("lead.created")).text("secret");
        assertThat(secret).startsWith("whsec_");

        String leadId = missedCall("CA" + UUID.randomUUID().toString().replace("-", ""));

        LoggedRequest request = awaitRequests(1).get(0);
        String body = request.getBodyAsString();
        String signature = request.getHeader("CallbackCloser-Signature");
        String timestamp = request.getHeader("CallbackCloser-Timestamp");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(signature).startsWith("t=" + timestamp + ",");
        // The receiver's side, as docs/OUTBOUND_WEBHOOKS.md describes it, written here from scratch.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected =
                HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(signature).endsWith(",v1=" + expected);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)))
                .isLessThan(60);

        JsonNode payload = JSON.readTree(body);
        assertThat(request.getHeader("CallbackCloser-Event-Id"))
                .isEqualTo(payload.get("id").asText());
        assertThat(request.getHeader("CallbackCloser-Event-Type")).isEqualTo("lead.created");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(payload.get("type").asText()).isEqualTo("lead.created");
        assertThat(payload.get("businessId").asText()).isEqualTo(business);
        assertThat(payload.at("/data/lead/id").asText()).isEqualTo(leadId);
        assertThat(payload.at("/data/lead/callerNumber").asText()).isEqualTo(caller);
        assertThat(payload.at("/data/lead/status").asText()).isEqualTo("NEW");
    }

    @Test
    void eachEventFiresOncePerChangeAndNotAgainForRetriedTwilioWebhooks() {
        answer(200);
        register(receiverUrl(), ALL_EVENTS);

        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        String leadId = missedCall(callSid);
        missedCall(callSid); // Twilio retries the status callback
        String first = "SM" + UUID.randomUUID().toString().replace("-", "");
        text(first, "1");
        text(first, "1"); // … and the SMS webhook
        text("today");
        text("12345");
        text("morning");
        String last = "SM" + UUID.randomUUID().toString().replace("-", "");
        text(last, "Dana");
        text(last, "Dana");
        text("thanks!"); // after COMPLETED: a message, not a second completion
        assertThat(api().patch(owner, leadPath(leadId), Map.of("status", "BOOKED"))
                        .status())
                .isEqualTo(200);
        api().patch(owner, leadPath(leadId), Map.of("status", "BOOKED")); // no change, no event

        Map<String, Long> expected = Map.of(
                "lead.created", 1L,
                "message.received", 6L,
                "lead.qualified", 1L,
                "lead.completed", 1L,
                "lead.status_changed", 1L);
        // The deliveries were written with the changes: the counts are final before anything is sent.
        assertThat(queuedByType()).isEqualTo(expected);
        List<LoggedRequest> received = awaitRequests(10);
        assertThat(received.stream()
                        .collect(Collectors.groupingBy(
                                r -> r.getHeader("CallbackCloser-Event-Type"), Collectors.counting())))
                .isEqualTo(expected);
        assertThat(received.stream().map(r -> r.getHeader("CallbackCloser-Event-Id")))
                .doesNotHaveDuplicates();
        JsonNode changed = received.stream()
                .filter(r -> r.getHeader("CallbackCloser-Event-Type").equals("lead.status_changed"))
                .map(r -> readTree(r.getBodyAsString()))
                .findFirst()
                .orElseThrow();
        assertThat(changed.at("/data/previousStatus").asText()).isEqualTo("QUALIFIED");
        assertThat(changed.at("/data/lead/status").asText()).isEqualTo("BOOKED");
        JsonNode completed = received.stream()
                .filter(r -> r.getHeader("CallbackCloser-Event-Type").equals("lead.completed"))
                .map(r -> readTree(r.getBodyAsString()))
                .findFirst()
                .orElseThrow();
        assertThat(completed.at("/data/lead/contactName").asText()).isEqualTo("Dana");
        assertThat(completed.at("/data/lead/zip").asText()).isEqualTo("12345");
    }

    @Test
    void anEndpointRefusingConnectionsThenAnswering503ThenRecoveringGetsTheEventOnceWithEveryAttemptRecorded()
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // nothing listens there once closed: connection refused
        }
        register("http://127.0.0.1:" + port + path, List.of("lead.created"));
        missedCall("CA" + UUID.randomUUID().toString().replace("-", ""));
        String delivery = onlyDelivery();
        Eventually.within(
                Duration.ofSeconds(10), () -> assertThat(attempts(delivery)).hasSizeGreaterThanOrEqualTo(2));

        WireMockServer recovered =
                new WireMockServer(options().bindAddress("127.0.0.1").port(port));
        recovered.start();
        try {
            recovered.stubFor(post(urlEqualTo(path))
                    .inScenario("recovering")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(503))
                    .willSetStateTo("up"));
            recovered.stubFor(post(urlEqualTo(path))
                    .inScenario("recovering")
                    .whenScenarioStateIs("up")
                    .willReturn(aResponse().withStatus(204)));

            Eventually.within(
                    Duration.ofSeconds(10),
                    () -> assertThat(deliveryDetail(delivery)
                                    .at("/delivery/state")
                                    .asText())
                            .isEqualTo("DELIVERED"));
            assertThat(recovered.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(2);
        } finally {
            recovered.stop();
        }
        JsonNode detail = deliveryDetail(delivery);
        List<JsonNode> attempts = attempts(delivery);
        assertThat(detail.at("/delivery/attempts").asInt()).isEqualTo(attempts.size());
        assertThat(detail.at("/delivery/lastStatusCode").asInt()).isEqualTo(204);
        assertThat(detail.at("/delivery/deliveredAt").isNull()).isFalse();
        // Refused connections (no status, an error), one 503, then the 204 that settled it.
        JsonNode lastAttempt = attempts.get(attempts.size() - 1);
        JsonNode beforeLast = attempts.get(attempts.size() - 2);
        assertThat(lastAttempt.get("statusCode").asInt()).isEqualTo(204);
        assertThat(beforeLast.get("statusCode").asInt()).isEqualTo(503);
        assertThat(attempts.get(0).get("statusCode").isNull()).isTrue();
        assertThat(attempts.get(0).get("error").asText()).contains("ConnectException");
        for (int i = 0; i < attempts.size(); i++) {
            assertThat(attempts.get(i).get("attempt").asInt()).isEqualTo(i + 1);
            assertThat(attempts.get(i).get("attemptedAt").asText()).isNotBlank();
            assertThat(attempts.get(i).get("durationMillis").asLong()).isNotNegative();
        }
    }

    @Test
    void a400IsFinalAtOnceWithoutRetries() {
        receiver.stubFor(
                post(urlEqualTo(path)).willReturn(aResponse().withStatus(400).withBody("unknown field 'lead'")));
        register(receiverUrl(), List.of("lead.created"));
        missedCall("CA" + UUID.randomUUID().toString().replace("-", ""));
        String delivery = onlyDelivery();

        Eventually.within(
                Duration.ofSeconds(10),
                () -> assertThat(deliveryDetail(delivery).at("/delivery/state").asText())
                        .isEqualTo("FAILED"));
        JsonNode detail = deliveryDetail(delivery);
        assertThat(detail.at("/delivery/attempts").asInt()).isEqualTo(1);
        assertThat(detail.at("/delivery/lastStatusCode").asInt()).isEqualTo(400);
        assertThat(detail.at("/delivery/lastError").asText()).contains("unknown field");
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1);
        assertThat(api().get(owner, deliveriesPath() + "?state=failed").json().findValuesAsText("id"))
                .containsExactly(delivery);
        assertThat(api().get(owner, deliveriesPath() + "?state=delivered").json())
                .isEmpty();
    }

    @Test
    void aReplayOfADeliveredWebhookIsASecondDeliveryWithTheSameEventIdAndBody() {
        answer(200);
        register(receiverUrl(), List.of("lead.created"));
        missedCall("CA" + UUID.randomUUID().toString().replace("-", ""));
        String delivery = onlyDelivery();
        Eventually.within(
                Duration.ofSeconds(10),
                () -> assertThat(deliveryDetail(delivery).at("/delivery/state").asText())
                        .isEqualTo("DELIVERED"));

        OwnerApiClient.Answer replay = api().post(owner, deliveriesPath() + "/" + delivery + "/replay", null);
        assertThat(replay.status()).isEqualTo(201);
        String replayId = replay.json().at("/delivery/id").asText();
        assertThat(replayId).isNotEqualTo(delivery);
        assertThat(replay.json().at("/delivery/replayOf").asText()).isEqualTo(delivery);

        List<LoggedRequest> received = awaitRequests(2);
        assertThat(received.get(0).getHeader("CallbackCloser-Event-Id"))
                .isEqualTo(received.get(1).getHeader("CallbackCloser-Event-Id"));
        assertThat(received.get(0).getBodyAsString()).isEqualTo(received.get(1).getBodyAsString());
        assertThat(received.get(0).getHeader("CallbackCloser-Delivery-Id"))
                .isNotEqualTo(received.get(1).getHeader("CallbackCloser-Delivery-Id"));
        Eventually.within(
                Duration.ofSeconds(10),
                () -> assertThat(deliveryDetail(replayId).at("/delivery/state").asText())
                        .isEqualTo("DELIVERED"));
        assertThat(api().get(owner, deliveriesPath()).json().findValuesAsText("id"))
                .containsExactly(replayId, delivery);
        assertThat(auditActions()).contains("webhook_endpoint.created", "webhook_delivery.replayed");
    }

    @Test
    void aDisabledEndpointGetsNothingMoreAndItsDeliveriesCannotBeReplayed() {
        answer(200);
        String endpoint = register(receiverUrl(), List.of("lead.created")).text("id");
        missedCall("CA" + UUID.randomUUID().toString().replace("-", ""));
        String delivery = onlyDelivery();
        awaitRequests(1);

        assertThat(api().delete(owner, "/api/businesses/" + business + "/webhook-endpoints/" + endpoint)
                        .status())
                .isEqualTo(204);
        missedCall("CA" + UUID.randomUUID().toString().replace("-", ""));
        assertThat(api().get(owner, deliveriesPath()).json()).hasSize(1);
        assertThat(api().post(owner, deliveriesPath() + "/" + delivery + "/replay", null)
                        .status())
                .isEqualTo(422);
        JsonNode listed = api().get(owner, "/api/businesses/" + business + "/webhook-endpoints")
                .json();
        assertThat(listed.get(0).get("enabled").asBoolean()).isFalse();
        assertThat(listed.get(0).has("secret")).isFalse();
        assertThat(auditActions()).contains("webhook_endpoint.disabled");
    }

    @Test
    void urlsThatAreNotHttpsOrPointInsideANetworkAreRefused() {
        for (String url : List.of(
                "http://example.com/hook",
                "ftp://example.com/hook",
                "https://10.0.0.5/hook",
                "https://192.168.1.1/hook",
                "https://172.16.0.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://[fd00::1]/hook",
                // Loopback and the metadata service dressed as IPv6 (literals: nothing is resolved or called)
                "https://[::127.0.0.1]/hook",
                "https://[::7f00:1]/hook",
                "https://[::ffff:169.254.169.254]/hook",
                "https://[64:ff9b::7f00:1]/hook",
                "https://[2002:7f00:1::]/hook",
                "https://[2001:db8::1]/hook",
                "https://user:pass@example.com/hook",
                "not a url")) {
            OwnerApiClient.Answer answer = api().post(
                            owner,
                            "/api/businesses/" + business + "/webhook-endpoints",
                            Map.of("url", url, "events", List.of("lead.created")));
            assertThat(answer.status()).as(url).isEqualTo(422);
            assertThat(answer.text("field")).as(url).isEqualTo("url");
        }
        OwnerApiClient.Answer badEvent = api().post(
                        owner,
                        "/api/businesses/" + business + "/webhook-endpoints",
                        Map.of("url", receiverUrl(), "events", List.of("lead.deleted")));
        assertThat(badEvent.status()).isEqualTo(422);
        assertThat(badEvent.text("field")).isEqualTo("events");
        assertThat(api().get(owner, "/api/businesses/" + business + "/webhook-endpoints")
                        .json())
                .isEmpty();
    }

    @Test
    void aBusinessHasAtMostTwentyEnabledEndpoints() {
        for (int i = 0; i < 20; i++) {
            register(receiverUrl() + "/" + i, List.of("lead.created"));
        }
        OwnerApiClient.Answer oneTooMany = api().post(
                        owner,
                        "/api/businesses/" + business + "/webhook-endpoints",
                        Map.of("url", receiverUrl(), "events", List.of("lead.created")));
        assertThat(oneTooMany.status()).isEqualTo(422);
        assertThat(oneTooMany.text("message")).contains("at most 20");
    }

    @Test
    void anotherBusinesssMemberCannotSeeRegisterOrReplayDeliveries() {
        answer(200);
        register(receiverUrl(), List.of("lead.created"));
        missedCall("CA" + UUID.randomUUID().toString().replace("-", ""));
        String delivery = onlyDelivery();
        String stranger = IDP.token("stranger_" + UUID.randomUUID());
        api().post(stranger, "/api/businesses", Map.of("name", "Rival Plumbing", "forwardingNumber", "+14155550198"));

        assertThat(api().get(stranger, deliveriesPath()).status()).isEqualTo(404);
        assertThat(api().get(stranger, deliveriesPath() + "/" + delivery).status())
                .isEqualTo(404);
        assertThat(api().post(stranger, deliveriesPath() + "/" + delivery + "/replay", null)
                        .status())
                .isEqualTo(404);
        assertThat(api().get(stranger, "/api/businesses/" + business + "/webhook-endpoints")
                        .status())
                .isEqualTo(404);
        assertThat(api().post(
                                stranger,
                                "/api/businesses/" + business + "/webhook-endpoints",
                                Map.of("url", receiverUrl(), "events", List.of("lead.created")))
                        .status())
                .isEqualTo(404);
        assertThat(api().get(null, deliveriesPath()).status()).isEqualTo(401);
        assertThat(api().get(owner, deliveriesPath()).json()).hasSize(1);
    }

    @Test
    void threeWorkersOnOneDatabaseNeverDeliverOneRowTwice() throws Exception {
        answer(200);
        register(receiverUrl(), List.of("message.received"));
        int events = 100;
        for (int i = 0; i < events; i++) {
            text("hello " + i); // each inbound text: one event, one delivery
        }
        // The service's own worker, and two more instances with their own dispatchers, on the same queue.
        List<WebhookWorker> workers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            EndpointUrlPolicy policy = new EndpointUrlPolicy(true, java.net.InetAddress::getAllByName);
            WebhookDispatcher dispatcher = new WebhookDispatcher(
                    SERVICE.transactions(),
                    // Generous: a delivery timed out on a loaded machine is retried, and would count twice.
                    new HttpWebhookSender(Duration.ofSeconds(30), policy),
                    policy,
                    new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10)),
                    Duration.ofSeconds(120),
                    Clock.systemUTC(),
                    () -> 0.5);
            workers.add(new WebhookWorker(
                    dispatcher, 8, Duration.ofMillis(10), Clock.systemUTC(), new Decisions(new MetricRegistry())));
        }
        workers.forEach(WebhookWorker::start);
        try {
            List<LoggedRequest> received = awaitRequests(events);
            assertThat(received.stream().map(r -> r.getHeader("CallbackCloser-Delivery-Id")))
                    .doesNotHaveDuplicates();
            assertThat(received.stream().map(r -> r.getHeader("CallbackCloser-Event-Id")))
                    .doesNotHaveDuplicates();
            Eventually.within(
                    Duration.ofSeconds(10),
                    () -> assertThat(api().get(owner, deliveriesPath() + "?state=delivered&limit=200")
                                    .json())
                            .hasSize(events));
            // Every row is delivered, and stopping the extra workers waits for what they have in flight: a
            // straggler would be a 101st request now (no sleep guessing how long one might take).
            for (WebhookWorker worker : workers) {
                worker.stop();
            }
            assertThat(receiver.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(events);
        } finally {
            for (WebhookWorker worker : workers) {
                worker.stop();
            }
        }
    }

    @Test
    void aRotatedSecretIsShownOnceAndBothSecretsSignUntilTheGracePeriodEnds() throws Exception {
        answer(200);
        OwnerApiClient.Answer created = register(receiverUrl(), List.of("lead.created"));
        String oldSecret = created.text("secret");
        String endpoint = created.text("id");

        OwnerApiClient.Answer rotated = api().post(owner, rotatePath(endpoint), null);

        assertThat(rotated.status()).as(String.valueOf(rotated.json())).isEqualTo(200);
        String newSecret = rotated.text("secret");
        assertThat(newSecret).startsWith("whsec_").hasSize(oldSecret.length()).isNotEqualTo(oldSecret);
        assertThat(rotated.text("id")).isEqualTo(endpoint);
        Instant expires = Instant.parse(rotated.text("previousSecretExpiresAt"));
        assertThat(Duration.between(Instant.now(), expires))
                .as("the default grace period is 24 hours")
                .isBetween(Duration.ofHours(23), Duration.ofHours(24));
        JsonNode listed = api().get(owner, "/api/businesses/" + business + "/webhook-endpoints")
                .json()
                .get(0);
        assertThat(listed.has("secret")).as("shown once").isFalse();
        assertThat(listed.get("previousSecretExpiresAt").asText()).isEqualTo(rotated.text("previousSecretExpiresAt"));

        missedCall("CA" + UUID.randomUUID().toString().replace("-", ""));

        LoggedRequest request = awaitRequests(1).get(0);
        String signature = request.getHeader("CallbackCloser-Signature");
        String timestamp = request.getHeader("CallbackCloser-Timestamp");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        // The new secret's signature first, the old one's second: a receiver still on the old secret that reads
        // the last v1 (as the first version of our docs did) keeps verifying through the rotation.
        assertThat(v1Signatures(signature))
                .containsExactly(
                        hmac(newSecret, timestamp, request.getBodyAsString()),
                        hmac(oldSecret, timestamp, request.getBodyAsString()));
        JsonNode audit =
                api().get(owner, "/api/businesses/" + business + "/audit").json();
        assertThat(audit.findValuesAsText("action")).contains("webhook_endpoint.secret_rotated");
        assertThat(audit.toString()).doesNotContain(newSecret).doesNotContain(oldSecret);
    }

    @Test
    void aGracePeriodOfZeroRetiresTheOldSecretAtOnce() throws Exception {
        answer(200);
        String endpoint = register(receiverUrl(), List.of("lead.created")).text("id");

        OwnerApiClient.Answer rotated = api().post(owner, rotatePath(endpoint), Map.of("gracePeriodHours", 0));

        assertThat(rotated.status()).as(String.valueOf(rotated.json())).isEqualTo(200);
        assertThat(rotated.json().has("previousSecretExpiresAt")).isFalse();
        missedCall("CA" + UUID.randomUUID().toString().replace("-", ""));
        LoggedRequest request = awaitRequests(1).get(0);
        assertThat(v1Signatures(request.getHeader("CallbackCloser-Signature")))
                .containsExactly(hmac(
                        rotated.text("secret"),
                        request.getHeader("CallbackCloser-Timestamp"),
                        request.getBodyAsString()));
    }

    @Test
    void aRotationOutsideTheBoundsOrOfAnotherBusinesssOrADisabledEndpointIsRefusedAndChangesNothing() throws Exception {
        answer(200);
        OwnerApiClient.Answer created = register(receiverUrl(), List.of("lead.created"));
        String endpoint = created.text("id");
        String disabled =
                register(receiverUrl() + "/old", List.of("lead.created")).text("id");
        api().delete(owner, "/api/businesses/" + business + "/webhook-endpoints/" + disabled);
        String stranger = IDP.token("stranger_" + UUID.randomUUID());
        String strangersBusiness = api().post(
                        stranger,
                        "/api/businesses",
                        Map.of("name", "Rival Plumbing", "forwardingNumber", "+14155550198"))
                .text("id");
        String agentSubject = "agent_" + UUID.randomUUID();
        String agent = IDP.token(agentSubject);
        assertThat(api().post(
                                owner,
                                "/api/businesses/" + business + "/members",
                                Map.of("subject", agentSubject, "role", "agent"))
                        .status())
                .isEqualTo(200);

        for (Object hours : List.of(-1, 169, 100_000, "soon")) {
            OwnerApiClient.Answer refused = api().post(owner, rotatePath(endpoint), Map.of("gracePeriodHours", hours));
            assertThat(refused.status()).as(String.valueOf(hours)).isIn(400, 422);
        }
        assertThat(api().post(owner, rotatePath(endpoint), Map.of("gracePeriodHours", 169))
                        .text("field"))
                .isEqualTo("gracePeriodHours");
        assertThat(api().post(stranger, rotatePath(endpoint), null).status()).isEqualTo(404);
        assertThat(api().post(
                                stranger,
                                "/api/businesses/" + strangersBusiness + "/webhook-endpoints/" + endpoint
                                        + "/rotate-secret",
                                null)
                        .status())
                .as("another business's endpoint under one's own business")
                .isEqualTo(404);
        assertThat(api().post(agent, rotatePath(endpoint), null).status()).isEqualTo(403);
        assertThat(api().post(owner, rotatePath(UUID.randomUUID().toString()), null)
                        .status())
                .isEqualTo(404);
        assertThat(api().post(owner, rotatePath(disabled), null).status()).isEqualTo(422);

        missedCall("CA" + UUID.randomUUID().toString().replace("-", ""));
        LoggedRequest request = awaitRequests(1).get(0);
        assertThat(v1Signatures(request.getHeader("CallbackCloser-Signature")))
                .containsExactly(hmac(
                        created.text("secret"),
                        request.getHeader("CallbackCloser-Timestamp"),
                        request.getBodyAsString()));
        assertThat(auditActions()).doesNotContain("webhook_endpoint.secret_rotated");
    }

    @Test
    void twoRotationsAtOnceEndWithTheTwoSecretsTheyHandedOut() throws Exception {
        String endpoint = register(receiverUrl(), List.of("lead.created")).text("id");
        for (int round = 0; round < 5; round++) {
            List<OwnerApiClient.Answer> answers =
                    Concurrently.times(2, () -> api().post(owner, rotatePath(endpoint), Map.of("gracePeriodHours", 1)));

            assertThat(answers).extracting(OwnerApiClient.Answer::status).containsExactly(200, 200);
            Set<String> handedOut =
                    answers.stream().map(answer -> answer.text("secret")).collect(Collectors.toSet());
            assertThat(handedOut).hasSize(2);
            Map<String, Object> stored = SERVICE.jdbi()
                    .withHandle(
                            h -> h.createQuery("SELECT secret, previous_secret FROM webhook_endpoints WHERE id = :id")
                                    .bind("id", UUID.fromString(endpoint))
                                    .mapToMap()
                                    .one());
            assertThat(Set.of(stored.get("secret"), stored.get("previous_secret")))
                    .as("round " + round)
                    .isEqualTo(handedOut);
        }
        assertThat(auditActions())
                .filteredOn("webhook_endpoint.secret_rotated"::equals)
                .hasSize(10);
    }

    private String rotatePath(String endpoint) {
        return "/api/businesses/" + business + "/webhook-endpoints/" + endpoint + "/rotate-secret";
    }

    private static List<String> v1Signatures(String header) {
        return java.util.Arrays.stream(header.split(","))
                .filter(part -> part.startsWith("v1="))
                .map(part -> part.substring(3))
                .toList();
    }

    /** The receiver's computation, as docs/OUTBOUND_WEBHOOKS.md describes it. */
    private static String hmac(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private OwnerApiClient.Answer register(String url, List<String> events) {
        OwnerApiClient.Answer created = api().post(
                        owner,
                        "/api/businesses/" + business + "/webhook-endpoints",
                        Map.of("url", url, "events", events, "description", "CRM"));
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        return created;
    }

    private void answer(int status) {
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)));
    }

    private String receiverUrl() {
        return "http://127.0.0.1:" + receiver.port() + path;
    }

    private List<LoggedRequest> awaitRequests(int count) {
        Eventually.within(
                Duration.ofSeconds(10),
                () -> assertThat(receiver.findAll(postRequestedFor(urlEqualTo(path))))
                        .hasSize(count));
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private String missedCall(String callSid) {
        SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params("CallSid", callSid, "From", caller, "To", twilioNumber, "DialCallStatus", "no-answer"));
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT l.id FROM leads l JOIN calls c ON c.id = l.call_id WHERE c.call_sid = :sid")
                        .bind("sid", callSid)
                        .mapTo(String.class)
                        .one());
    }

    private void text(String body) {
        text("SM" + UUID.randomUUID().toString().replace("-", ""), body);
    }

    private void text(String messageSid, String body) {
        SERVICE.webhooks()
                .post(
                        "/api/twilio/sms",
                        params("MessageSid", messageSid, "From", caller, "To", twilioNumber, "Body", body));
    }

    private Map<String, Long> queuedByType() {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                                SELECT ev.type, count(*) AS n FROM webhook_deliveries d
                                  JOIN webhook_events ev ON ev.id = d.event_id
                                 WHERE d.business_id = :b GROUP BY ev.type""")
                        .bind("b", UUID.fromString(business))
                        .reduceRows(new java.util.HashMap<String, Long>(), (map, row) -> {
                            map.put(row.getColumn("type", String.class), row.getColumn("n", Long.class));
                            return map;
                        }));
    }

    private String onlyDelivery() {
        JsonNode deliveries = api().get(owner, deliveriesPath()).json();
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0).get("id").asText();
    }

    private JsonNode deliveryDetail(String delivery) {
        return api().get(owner, deliveriesPath() + "/" + delivery).json();
    }

    private List<JsonNode> attempts(String delivery) {
        List<JsonNode> attempts = new java.util.ArrayList<>();
        deliveryDetail(delivery).get("attempts").forEach(attempts::add);
        return attempts;
    }

    private List<String> auditActions() {
        return api().get(owner, "/api/businesses/" + business + "/audit").json().findValuesAsText("action");
    }

    private String deliveriesPath() {
        return "/api/businesses/" + business + "/webhook-deliveries";
    }

    private String leadPath(String leadId) {
        return "/api/businesses/" + business + "/leads/" + leadId;
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OwnerApiClient api() {
        return SERVICE.owner();
    }
}
