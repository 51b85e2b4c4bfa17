package com.callbackcloser.api.cli;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.CommandLine;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.StripeFake;
import com.callbackcloser.api.testing.StripeSignature;
import com.callbackcloser.db.testing.LegacyDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The old app's database imported into the database of a running service, then the service carrying on where
 * the old app stopped: the caller who said STOP is not texted, the conversation half-way goes on at its step,
 * the owner's sign-in sees the business, the month's conversations count against the quota, and Twilio's and
 * Stripe's webhooks reach it on the old app's paths. The import reads the old database as a role that can only
 * read, given as a postgres:// URL with a password that must never be printed.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ImportLegacyIT {
    private static final JwtIssuer IDP = new JwtIssuer();
    private static final StripeFake STRIPE = new StripeFake();
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures(
            "auth.jwtIssuer", JwtIssuer.ISSUER,
            "auth.jwksUrl", IDP.jwksUrl(),
            "stripe.secretKey", StripeFake.SECRET_KEY,
            "stripe.apiBaseUrl", STRIPE.baseUrl(),
            "stripe.webhookSecret", StripeFake.WEBHOOK_SECRET,
            "stripe.priceStarter", StripeFake.PRICE_STARTER,
            "stripe.pricePro", StripeFake.PRICE_PRO,
            "plans.starterLimit", "3");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final String READER_PASSWORD = "s3cret-Reader-pw";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LegacyDatabase old;
    private static String from;
    private static CommandLine.Run firstImport;

    @BeforeAll
    static void importTheOldAppsDatabase() {
        old = OldApp.seeded();
        String reader = "legacy_reader_" + UUID.randomUUID().toString().replace("-", "");
        old.jdbi().useHandle(h -> {
            h.execute("CREATE ROLE " + reader + " LOGIN PASSWORD '" + READER_PASSWORD + "'");
            h.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + reader);
        });
        from = "postgres://" + reader + ":" + READER_PASSWORD + "@localhost:" + old.port() + "/" + old.name();
        SERVICE.twilio.acceptMessages();
        firstImport = importLegacy();
    }

    @AfterAll
    static void stopFakes() {
        IDP.close();
        STRIPE.close();
    }

    @Test
    void theImportBringsEveryKindOfRowAndNeverPrintsThePassword() {
        assertThat(firstImport.failed())
                .as(firstImport.out() + firstImport.err())
                .isFalse();
        assertThat(firstImport.out())
                .contains("from jdbc:postgresql://localhost:" + old.port() + "/" + old.name() + " as legacy_reader_")
                .containsPattern("Business +3 +3 +0 +0")
                .containsPattern("SmsConsent +3 +3 +0 +0")
                .containsPattern("Call +6 +6 +0 +0")
                .containsPattern("Lead +6 +6 +0 +0")
                .containsPattern("Message +7 +7 +0 +0");
        assertThat(firstImport.out() + firstImport.err()).doesNotContain(READER_PASSWORD);

        Map<String, Object> plumber = row("SELECT * FROM businesses WHERE id = :id", ours("Business", OldApp.PLUMBER));
        assertThat(plumber)
                .containsEntry("name", "Acme Plumbing")
                .containsEntry("forwarding_number", OldApp.PLUMBER_FORWARDING)
                .containsEntry("notify_phone", OldApp.PLUMBER_NOTIFY)
                .containsEntry("missed_call_seconds", 25)
                .containsEntry("service_label_2", "Heaters")
                .containsEntry("time_zone", "America/Los_Angeles")
                .containsEntry("twilio_number", OldApp.PLUMBER_NUMBER)
                .containsEntry("twilio_number_sid", OldApp.PLUMBER_NUMBER_SID)
                .containsEntry("stripe_customer_id", "cus_plumber")
                .containsEntry("stripe_subscription_id", "sub_plumber")
                .containsEntry("stripe_price_id", StripeFake.PRICE_STARTER)
                .containsEntry("subscription_status", "ACTIVE");
        assertThat(instant(plumber, "twilio_webhooks_synced_at")).isEqualTo(OldApp.PLUMBER_SYNCED);
        assertThat(row("SELECT * FROM businesses WHERE id = :id", ours("Business", OldApp.DORMANT)))
                .containsEntry("forwarding_number", "+14155550399")
                .containsEntry("twilio_number", null)
                .containsEntry("subscription_status", "CANCELED");

        Map<String, Object> answered = row("SELECT * FROM calls WHERE id = :id", ours("Call", OldApp.CALL_ANSWERED));
        assertThat(answered)
                .containsEntry("call_sid", "CAans00000000000000000000000000001")
                .containsEntry("status", "ANSWERED")
                .containsEntry("answered", true)
                .containsEntry("recording_sid", "RE0123456789abcdef0123456789abcd01")
                .containsEntry("recording_status", "completed")
                .containsEntry("recording_duration_seconds", 78)
                .containsEntry("call_duration_seconds", 95);
        assertThat(answered.get("raw_payload").toString()).contains("\"DialCallStatus\": \"completed\"");

        Map<String, Object> finished = row("SELECT * FROM leads WHERE id = :id", ours("Lead", OldApp.LEAD_NO_CALL));
        assertThat(finished)
                .containsEntry("call_id", null)
                .containsEntry("status", "BOOKED")
                .containsEntry("conversation_state", "COMPLETED")
                .containsEntry("service", "Heaters")
                .containsEntry("zip", "94110")
                .containsEntry("contact_name", "Dana");
        assertThat(finished.get("owner_notified_at")).isNotNull();
        assertThat(row("SELECT * FROM leads WHERE id = :id", ours("Lead", OldApp.LEAD_STOPPED)))
                .containsEntry("conversation_state", "NOT_STARTED")
                .containsEntry("sms_started_at", null)
                .containsEntry("caller_raw", "(415) 555-0166")
                .containsEntry("caller_number", OldApp.STOPPED_CALLER);

        assertThat(strings(
                        "SELECT phone || ' ' || opted_out || ' ' || COALESCE(last_keyword, '-') FROM sms_consents"
                                + " WHERE business_id = :id ORDER BY phone",
                        ours("Business", OldApp.PLUMBER)))
                .containsExactly("+14155550166 true STOP", "+14155550167 false START", "12345 true STOPALL");
        assertThat(strings(
                        "SELECT direction || ' ' || participant || ' ' || COALESCE(delivery_state, 'received')"
                                + " || ' ' || COALESCE(twilio_sid, 'no-sid') || ' ' || COALESCE(twilio_status, '-')"
                                + " FROM messages WHERE business_id = :id"
                                + " AND id IN (SELECT target_id FROM legacy_imports WHERE legacy_table = 'Message')"
                                + " ORDER BY created_at, seq",
                        ours("Business", OldApp.PLUMBER)))
                .containsExactly(
                        "INBOUND LEAD received SMstop000000000000000000000000001 received",
                        "OUTBOUND LEAD TWIML_REPLY no-sid -",
                        "OUTBOUND OWNER SENT SMown00000000000000000000000000001 delivered",
                        "OUTBOUND LEAD FAILED no-sid failed",
                        "OUTBOUND LEAD SENT SMmid00000000000000000000000000001 delivered",
                        "INBOUND LEAD received SMmid00000000000000000000000000002 received",
                        "OUTBOUND LEAD SENT SMmid00000000000000000000000000003 sent");
        assertThat(strings(
                        "SELECT action || ' by ' || actor FROM audit_events WHERE business_id = :id",
                        ours("Business", OldApp.PLUMBER)))
                .containsExactly("business.imported by import-legacy");
    }

    @Test
    void aMissedCallFromTheCallerWhoSaidStopInTheOldAppTextsNothing() {
        // The control: the caller who said STOP and then START is texted as any caller.
        String stopped = missedCall(OldApp.PLUMBER_NUMBER, OldApp.STOPPED_CALLER);
        String restarted = missedCall(OldApp.PLUMBER_NUMBER, OldApp.RESTARTED_CALLER);

        assertThat(restarted).isEqualTo("text_queued");
        assertThat(stopped).isNotEqualTo("text_queued");
        Eventually.within(
                Duration.ofSeconds(20),
                () -> assertThat(textsTo(OldApp.RESTARTED_CALLER)).hasSize(1));
        assertThat(textsTo(OldApp.STOPPED_CALLER)).isEmpty();
        // Nothing for them is waiting in the outbox either: what it would ever send is QUEUED.
        assertThat(strings(
                        "SELECT COALESCE(delivery_state, 'received') FROM messages WHERE to_number = :id"
                                + " AND created_at > now() - interval '1 hour'",
                        OldApp.STOPPED_CALLER))
                .allMatch(state -> state.equals("SUPPRESSED"));
    }

    @Test
    void theLeadHalfWayThroughTheConversationGoesOnAtTheStepItWasAt() {
        HttpResponse<String> reply = SERVICE.webhooks()
                .post(
                        "/api/twilio/sms",
                        params(
                                "MessageSid",
                                "SMreply000000000000000000000000001",
                                "From",
                                OldApp.MID_CALLER,
                                "To",
                                OldApp.PLUMBER_NUMBER,
                                "Body",
                                "2"));

        assertThat(reply.statusCode()).isEqualTo(200);
        Eventually.within(
                Duration.ofSeconds(20),
                () -> assertThat(textsTo(OldApp.MID_CALLER))
                        .containsExactly("Thanks. What's the ZIP code where you need the work done?"));
        Map<String, Object> lead = row("SELECT * FROM leads WHERE id = :id", ours("Lead", OldApp.LEAD_MID));
        assertThat(lead)
                .containsEntry("conversation_state", "AWAITING_ZIP")
                .containsEntry("service", "Leaks")
                .containsEntry("urgency", "Today")
                .containsEntry("status", "QUALIFIED");
        // The transcript goes on from the old app's texts.
        assertThat(strings(
                        "SELECT body FROM messages WHERE lead_id = :id ORDER BY created_at, seq",
                        ours("Lead", OldApp.LEAD_MID)))
                .startsWith(
                        "Sorry we missed your call at Acme Plumbing! Reply 1 Leaks, 2 Heaters, 3 Drains.",
                        "1",
                        "Got it: Leaks. How urgent is it? 1 Emergency, 2 Today, 3 This week, 4 Just a quote",
                        "2");
    }

    @Test
    void theOwnersSignInFromTheOldAppSeesTheBusinessAndItsLeads() {
        String token = IDP.token(OldApp.PLUMBER_OWNER);

        JsonNode businesses = api().get(token, "/api/businesses").json();

        assertThat(businesses).hasSize(1);
        JsonNode business = businesses.get(0);
        assertThat(business.get("name").asText()).isEqualTo("Acme Plumbing");
        assertThat(business.get("role").asText()).isEqualTo("OWNER");
        assertThat(business.get("twilioNumber").asText()).isEqualTo(OldApp.PLUMBER_NUMBER);
        String id = business.get("id").asText();
        List<String> callers = new ArrayList<>();
        api().get(token, "/api/businesses/" + id + "/leads?limit=50")
                .json()
                .get("leads")
                .forEach(lead -> callers.add(lead.get("callerNumber").asText()));
        assertThat(callers).contains(OldApp.MID_CALLER, OldApp.NO_CALL_CALLER, OldApp.STOPPED_CALLER);
        OwnerApiClient.Answer noCall =
                api().get(token, "/api/businesses/" + id + "/leads/" + ours("Lead", OldApp.LEAD_NO_CALL));
        assertThat(noCall.status()).isEqualTo(200);
        assertThat(noCall.json().get("call").isNull()).isTrue();
        assertThat(noCall.json().get("transcript")).hasSize(2);
        assertThat(api().get(
                                token,
                                "/api/businesses/" + id + "/leads/" + ours("Lead", OldApp.LEAD_NO_CALL) + "/recording")
                        .status())
                .isEqualTo(404);
        // Another owner's sign-in does not see it.
        assertThat(api().get(IDP.token(OldApp.ELECTRIC_OWNER), "/api/businesses/" + id)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theMonthsConversationsCarryOverSoABusinessNearItsLimitIsNotGivenAFreshQuota() {
        String token = IDP.token(OldApp.ELECTRIC_OWNER);
        String id = ours("Business", OldApp.ELECTRIC).toString();

        JsonNode usage = api().get(token, "/api/businesses/" + id + "/usage").json();

        // Two of its three conversations started this month in the plans' zone; the third the hour before.
        assertThat(usage.get("used").asInt()).isEqualTo(2);
        assertThat(usage.get("limit").asInt()).isEqualTo(3);
        assertThat(missedCall(OldApp.ELECTRIC_NUMBER, "+14155550231")).isEqualTo("text_queued");
        assertThat(missedCall(OldApp.ELECTRIC_NUMBER, "+14155550232")).isEqualTo("usage_limit_reached");
    }

    @Test
    void theOldAppsWebhookUrlsReachTheServiceOnTheSamePaths() throws Exception {
        // As the old app set them on the number: its paths, a shared token in the query (signed over, as Twilio does).
        HttpResponse<String> voice = SERVICE.webhooks()
                .post(
                        "/api/twilio/voice?webhook_token=old-shared-token",
                        params(
                                "CallSid", "CAvoice00000000000000000000000001",
                                "From", "+14155550150",
                                "To", OldApp.PLUMBER_NUMBER));
        assertThat(voice.statusCode()).isEqualTo(200);
        assertThat(voice.body()).contains("<Dial", OldApp.PLUMBER_FORWARDING, "timeout=\"25\"");

        HttpResponse<String> status = SERVICE.webhooks()
                .post(
                        "/api/twilio/status?webhook_token=old-shared-token",
                        params(
                                "CallSid", "CAvoice00000000000000000000000001",
                                "From", "+14155550150",
                                "To", OldApp.PLUMBER_NUMBER,
                                "DialCallStatus", "completed"));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("X-CallbackCloser-Decision")).contains("answered");

        HttpResponse<String> sms = SERVICE.webhooks()
                .post(
                        "/api/twilio/sms?webhook_token=old-shared-token",
                        params(
                                "MessageSid", "SMhelp000000000000000000000000001",
                                "From", "+14155550151",
                                "To", OldApp.PLUMBER_NUMBER,
                                "Body", "HELP"));
        assertThat(sms.statusCode()).isEqualTo(200);
        assertThat(sms.body()).contains("<Message>");

        // Stripe, on the endpoint the old app registered. The subscription's metadata holds the old app's id, not
        // ours, so the business is found by its Stripe customer; its state is what Stripe says, not the event.
        STRIPE.hasSubscription("sub_dormant", "cus_dormant", "canceled", StripeFake.PRICE_STARTER, OldApp.DORMANT);
        assertThat(stripe(subscriptionUpdated("active", Instant.now().getEpochSecond()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(dormantStatus()).isEqualTo("CANCELED");
        STRIPE.hasSubscription("sub_dormant", "cus_dormant", "active", StripeFake.PRICE_STARTER, OldApp.DORMANT);
        assertThat(stripe(subscriptionUpdated("active", Instant.now().getEpochSecond()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(dormantStatus()).isEqualTo("ACTIVE");
    }

    @Test
    void retryingFailedTextsNeverResendsWhatTheOldAppFailedToSend() throws Exception {
        HttpResponse<String> retry = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVICE.app.getAdminPort()
                                + "/tasks/retry-failed-messages?since=2000-01-01T00:00:00Z"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(strings(
                        "SELECT delivery_state FROM messages WHERE business_id = :id AND direction = 'OUTBOUND'"
                                + " AND id IN (SELECT target_id FROM legacy_imports WHERE legacy_table = 'Message')"
                                + " AND twilio_status = 'failed'",
                        ours("Business", OldApp.PLUMBER)))
                .containsExactly("FAILED");
    }

    @Test
    void aSecondImportIntoTheRunningServiceIsANoOp() {
        // The other tests' texts are sent by now: the outbox changes nothing while the import runs.
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(outboxWork()).isEmpty());
        Map<String, String> before = DatabaseContents.snapshot(SERVICE.jdbi());

        CommandLine.Run second = importLegacy();

        assertThat(second.failed()).as(second.err()).isFalse();
        assertThat(second.out())
                .contains("nothing to import: all 25 rows of the old database are already here; nothing was changed");
        assertThat(DatabaseContents.snapshot(SERVICE.jdbi())).isEqualTo(before);
    }

    /** Texts a worker is sending or would pick up now. */
    private static List<String> outboxWork() {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                                SELECT to_jsonb(m)::text FROM messages m
                                 WHERE delivery_state = 'SENDING'
                                    OR (delivery_state = 'QUEUED' AND next_attempt_at <= now())
                                """).mapTo(String.class).list());
    }

    private static CommandLine.Run importLegacy() {
        Path config = CommandLine.config(
                """
                database:
                  url: "%s"
                  user: postgres
                stripe:
                  priceStarter: %s
                  pricePro: %s
                logging:
                  level: WARN
                """.formatted(SERVICE.database.jdbcUrl(), StripeFake.PRICE_STARTER, StripeFake.PRICE_PRO));
        return CommandLine.run("import-legacy", config.toString(), "--from", from);
    }

    private static UUID ours(String table, String legacyId) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT target_id FROM legacy_imports WHERE legacy_table = :t AND legacy_id = :id")
                        .bind("t", table)
                        .bind("id", legacyId)
                        .mapTo(UUID.class)
                        .one());
    }

    private static Map<String, Object> row(String sql, Object id) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery(sql).bind("id", id).mapToMap().one());
    }

    private static List<String> strings(String sql, Object id) {
        return SERVICE.jdbi()
                .withHandle(h ->
                        h.createQuery(sql).bind("id", id).mapTo(String.class).list());
    }

    private static Instant instant(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof java.sql.Timestamp timestamp
                ? timestamp.toInstant()
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static String missedCall(String to, String caller) {
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "CallSid",
                                "CA" + UUID.randomUUID().toString().replace("-", ""),
                                "From",
                                caller,
                                "To",
                                to,
                                "DialCallStatus",
                                "no-answer"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("X-CallbackCloser-Decision").orElseThrow();
    }

    private static List<String> textsTo(String phone) {
        return SERVICE.twilio.sentMessages().stream()
                .filter(m -> phone.equals(m.get("To")))
                .map(m -> m.get("Body"))
                .toList();
    }

    private static String dormantStatus() {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT subscription_status FROM businesses WHERE id = :id")
                        .bind("id", ours("Business", OldApp.DORMANT))
                        .mapTo(String.class)
                        .one());
    }

    private static String subscriptionUpdated(String status, long created) {
        String subscription = StripeFake.subscriptionJson(
                "sub_dormant", "cus_dormant", status, StripeFake.PRICE_STARTER, OldApp.DORMANT);
        return """
                {"id":"evt_%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,
                 "data":{"object":%s},"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"customer.subscription.updated"}""".formatted(UUID.randomUUID().toString().replace("-", ""), created, subscription.strip());
    }

    private static HttpResponse<String> stripe(String payload) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + SERVICE.app.getLocalPort() + "/api/stripe/webhook"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(
                        "Stripe-Signature",
                        StripeSignature.header(
                                StripeFake.WEBHOOK_SECRET,
                                payload,
                                Instant.now().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static OwnerApiClient api() {
        return SERVICE.owner();
    }
}
