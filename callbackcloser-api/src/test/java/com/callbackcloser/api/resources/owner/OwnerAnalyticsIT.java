package com.callbackcloser.api.resources.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analytics of a data set written straight into the database, every number checked exactly. Business A is in
 * New York, whose November 2026 starts in summer time (2026-11-01T04:00Z) and ends in winter time
 * (2026-12-01T05:00Z); rows a second either side of both ends, another business's rows, and every way a first text
 * can end (sent, failed, suppressed, queued, simulated, none) are there to be counted or left out.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OwnerAnalyticsIT {
    private static final JwtIssuer IDP = new JwtIssuer();
    private static final ServiceUnderTest SERVICE =
            ServiceUnderTest.withSignatures("auth.jwtIssuer", JwtIssuer.ISSUER, "auth.jwksUrl", IDP.jwksUrl());

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    /** A lead is created when Twilio reports the Dial missed, some seconds after the call came in. */
    private static final long RING_SECONDS = 20;

    private static String businessA;
    private static String businessB;

    @BeforeAll
    static void seed() {
        // The first JWKS fetch of a cold JVM on a busy machine can outlast nimbus's half-second timeout.
        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(api().get(IDP.token("analytics_owner_a"), "/api/businesses")
                                .status())
                        .isEqualTo(200));
        businessA = create("analytics_owner_a", Map.of());
        businessB = create("analytics_owner_b", Map.of("timeZone", "Europe/London"));
        api().post(
                        IDP.token("analytics_owner_a"),
                        "/api/businesses/" + businessA + "/members",
                        Map.of("subject", "analytics_agent_a", "role", "agent"));

        // November in New York. The first instant of the period; then 01:30 EDT and 01:30 EST, the hour that
        // happens twice when the clocks go back.
        Lead a1 = missed(businessA, "2026-11-01T04:00:00Z", "QUALIFIED", "AWAITING_URGENCY");
        Instant a1Sent = a1.sent(2.5);
        a1.replyAt(a1Sent, 60);
        a1.textAt("SENT", a1Sent.plusSeconds(60));

        Lead a2 = missed(businessA, "2026-11-01T05:30:00Z", "BOOKED", "COMPLETED");
        Instant a2Sent = a2.sent(4);
        a2.replyAt(a2Sent, 300);
        a2.textAt("SENT", a2Sent.plusSeconds(300));
        a2.replyAt(a2Sent, 330);

        Lead a3 = missed(businessA, "2026-11-01T06:30:00Z", "CONTACTED", "COMPLETED");
        a3.replyAt(a3.sent(6), 120);

        // Texted, never answered.
        missed(businessA, "2026-11-10T15:00:00Z", "NEW", "AWAITING_SERVICE").sent(10);

        // The first text failed: not texted, although a later reply to the caller's own text was sent.
        Lead a5 = missed(businessA, "2026-11-11T15:00:00Z", "NEW", "AWAITING_SERVICE");
        a5.unsent("FAILED");
        Instant a5Inbound = a5.replyAt(a5.missedAt, 600);
        a5.textAt("SENT", a5Inbound.plusSeconds(1));

        // Opted out before: the first text was suppressed.
        missed(businessA, "2026-11-12T15:00:00Z", "NEW", "AWAITING_SERVICE").unsent("SUPPRESSED");

        // Billing required, so the caller was never texted; only the owner was. The owner booked it by phone.
        Lead a7 = missed(businessA, "2026-11-13T15:00:00Z", "BOOKED", "NOT_STARTED");
        a7.ownerText(1);

        // The caller texted before our text went out: that is not a reply to it; the one after it is.
        Lead a8 = missed(businessA, "2026-11-14T15:00:00Z", "QUALIFIED", "AWAITING_ZIP");
        a8.replyAt(a8.missedAt, 1);
        a8.sent(8);
        a8.replyAt(a8.missedAt.plusSeconds(8), 100);

        // A STOP is a reply too; the compliance answer went back as TwiML.
        Lead a9 = missed(businessA, "2026-11-15T15:00:00Z", "NEW", "AWAITING_SERVICE");
        Instant a9Sent = a9.sent(3);
        a9.replyAt(a9Sent, 45);
        a9.textAt("TWIML_REPLY", a9Sent.plusSeconds(45));

        // Still in the outbox; and logged by the development sender instead of sent.
        missed(businessA, "2026-11-16T15:00:00Z", "NEW", "AWAITING_SERVICE").unsent("QUEUED");
        missed(businessA, "2026-11-17T15:00:00Z", "NEW", "AWAITING_SERVICE").unsent("SIMULATED");

        // The last second of November 30th in New York (EST); the lead and the reply come in December, and still
        // count for the November call.
        Lead a12 = missed(businessA, "2026-12-01T04:59:59Z", "QUALIFIED", "AWAITING_URGENCY");
        a12.replyAt(a12.sent(5.25), 3600);

        // Never texted (billing required), but the caller asked for HELP, which was answered as TwiML: an outbound
        // row with a send time, yet not a text for the missed call, so the caller's next text is no reply to one.
        Lead a13 = missed(businessA, "2026-11-18T15:00:00Z", "NEW", "NOT_STARTED");
        Instant help = a13.replyAt(a13.missedAt, 30);
        a13.textAt("TWIML_REPLY", help);
        a13.replyAt(help, 30);

        // Calls that were not missed.
        call(businessA, "2026-11-05T15:00:00Z", "ANSWERED");
        call(businessA, "2026-11-20T15:00:00Z", "ANSWERED");
        call(businessA, "2026-11-21T15:00:00Z", "RECEIVED");

        // A second before the period (23:59:59 EDT on October 31st) and its first instant after (00:00 EST on
        // December 1st): fully worked leads that must not count.
        for (String outside : new String[] {"2026-11-01T03:59:59Z", "2026-12-01T05:00:00Z"}) {
            Lead lead = missed(businessA, outside, "BOOKED", "COMPLETED");
            lead.replyAt(lead.sent(1), 10);
        }

        // Business B, in London: one call in November everywhere, one in November in London but October in New York.
        Lead b1 = missed(businessB, "2026-11-15T15:00:00Z", "BOOKED", "COMPLETED");
        b1.replyAt(b1.sent(7), 20);
        missed(businessB, "2026-11-01T03:30:00Z", "NEW", "AWAITING_SERVICE").sent(9);
    }

    @AfterAll
    static void stopIdp() {
        IDP.close();
    }

    @Test
    void novemberInNewYorkCountsEachStageOfItsOwnMissedCallsExactly() {
        JsonNode november = analytics("analytics_owner_a", businessA, "?from=2026-11-01&to=2026-11-30");

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(november.get("businessId").asText()).isEqualTo(businessA);
        softly.assertThat(november.get("from").asText()).isEqualTo("2026-11-01");
        softly.assertThat(november.get("to").asText()).isEqualTo("2026-11-30");
        softly.assertThat(november.get("timeZone").asText()).isEqualTo("America/New_York");
        softly.assertThat(november.get("periodStart").asText()).isEqualTo("2026-11-01T04:00:00Z");
        softly.assertThat(november.get("periodEnd").asText()).isEqualTo("2026-12-01T05:00:00Z");
        softly.assertThat(november.get("missedCalls").asLong()).isEqualTo(13);
        // a1, a2, a3, a4, a8, a9, a12.
        softly.assertThat(november.get("texted").asLong()).isEqualTo(7);
        // a1, a2, a3, a8, a9 (STOP), a12 (in December).
        softly.assertThat(november.get("replied").asLong()).isEqualTo(6);
        // a1, a8, a12 qualified; a3 contacted; a2 and a7 booked.
        softly.assertThat(november.get("qualified").asLong()).isEqualTo(6);
        softly.assertThat(november.get("completed").asLong()).isEqualTo(2);
        softly.assertThat(november.get("booked").asLong()).isEqualTo(2);
        softly.assertThat(november.get("responseRate").asDouble()).isEqualTo(6.0 / 7);
        // 2.5, 3, 4, [5.25], 6, 8, 10 seconds from the missed call to the first text sent.
        softly.assertThat(november.get("medianSecondsToFirstText").asDouble()).isEqualTo(5.25);
        // 45, 60, [100, 120], 300, 3600 seconds from the first text to the first reply: the mean of the middle two.
        softly.assertThat(november.get("medianSecondsToFirstReply").asDouble()).isEqualTo(110.0);
        softly.assertAll();
    }

    @Test
    void theDayTheClocksGoBackIs25HoursAndHoldsBothOneThirties() {
        JsonNode day = analytics("analytics_owner_a", businessA, "?from=2026-11-01&to=2026-11-01");

        assertThat(day.get("periodStart").asText()).isEqualTo("2026-11-01T04:00:00Z");
        assertThat(day.get("periodEnd").asText()).isEqualTo("2026-11-02T05:00:00Z");
        assertThat(counts(day)).isEqualTo("missed=3 texted=3 replied=3 qualified=3 completed=2 booked=1");
        assertThat(day.get("responseRate").asDouble()).isEqualTo(1.0);
        assertThat(day.get("medianSecondsToFirstText").asDouble()).isEqualTo(4.0);
        assertThat(day.get("medianSecondsToFirstReply").asDouble()).isEqualTo(120.0);
    }

    @Test
    void aPeriodWithoutCallsIsZerosAndNullsNotAnError() {
        JsonNode june = analytics("analytics_owner_a", businessA, "?from=2026-06-01&to=2026-06-30");

        assertThat(counts(june)).isEqualTo("missed=0 texted=0 replied=0 qualified=0 completed=0 booked=0");
        assertThat(june.get("responseRate").isNull()).isTrue();
        assertThat(june.get("medianSecondsToFirstText").isNull()).isTrue();
        assertThat(june.get("medianSecondsToFirstReply").isNull()).isTrue();
        assertThat(june.get("periodStart").asText()).isEqualTo("2026-06-01T04:00:00Z");
    }

    @Test
    void anotherBusinessCountsOnlyItsOwnRowsOverItsOwnDays() {
        JsonNode london = analytics("analytics_owner_b", businessB, "?from=2026-11-01&to=2026-11-30");

        assertThat(london.get("timeZone").asText()).isEqualTo("Europe/London");
        assertThat(london.get("periodStart").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(london.get("periodEnd").asText()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(counts(london)).isEqualTo("missed=2 texted=2 replied=1 qualified=1 completed=1 booked=1");
        assertThat(london.get("responseRate").asDouble()).isEqualTo(0.5);
        assertThat(london.get("medianSecondsToFirstText").asDouble()).isEqualTo(8.0);
        assertThat(london.get("medianSecondsToFirstReply").asDouble()).isEqualTo(20.0);
    }

    @Test
    void withoutDaysItIsTheWholeCurrentMonthInTheBusinessesZone() {
        YearMonth month = YearMonth.now(ZoneId.of("America/New_York"));

        JsonNode current = analytics("analytics_owner_a", businessA, "");
        JsonNode explicit =
                analytics("analytics_owner_a", businessA, "?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth());

        assertThat(current.get("from").asText()).isEqualTo(month.atDay(1).toString());
        assertThat(current.get("to").asText()).isEqualTo(month.atEndOfMonth().toString());
        assertThat(current).isEqualTo(explicit);
    }

    @Test
    void anAgentAndAnApiKeySeeTheSameNumbersAsTheOwner() {
        String path = "/api/businesses/" + businessA + "/analytics?from=2026-11-01&to=2026-11-30";
        JsonNode asOwner = api().get(IDP.token("analytics_owner_a"), path).json();
        String apiKey = api().post(IDP.token("analytics_owner_a"), "/api/api-keys", Map.of("name", "dashboard"))
                .text("secret");

        OwnerApiClient.Answer withKey = api().get(apiKey, path);
        OwnerApiClient.Answer asAgent = api().get(IDP.token("analytics_agent_a"), path);

        assertThat(withKey.status()).isEqualTo(200);
        assertThat(withKey.json()).isEqualTo(asOwner);
        assertThat(asAgent.status()).isEqualTo(200);
        assertThat(asAgent.json()).isEqualTo(asOwner);
    }

    @Test
    void anotherBusinessesMemberGets404AndNoCredentialGets401() {
        String path = "/api/businesses/" + businessA + "/analytics?from=2026-11-01&to=2026-11-30";

        OwnerApiClient.Answer stranger = api().get(IDP.token("analytics_owner_b"), path);
        OwnerApiClient.Answer unknown =
                api().get(IDP.token("analytics_owner_a"), "/api/businesses/" + UUID.randomUUID() + "/analytics");

        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json().get("message").asText()).isEqualTo("business not found");
        assertThat(stranger.raw().body()).asString().doesNotContain("missedCalls");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api().get(null, path).status()).isEqualTo(401);
    }

    @Test
    void badParametersAre400sThatNameTheParameterAndSayWhy() {
        record Bad(String query, String field, String message) {}
        Bad[] cases = {
            new Bad("?from=2026-11-31&to=2026-12-01", "from", "from is a day written YYYY-MM-DD, e.g. 2026-11-01"),
            new Bad("?from=2026-11-01&to=30.11.2026", "to", "to is a day written YYYY-MM-DD, e.g. 2026-11-01"),
            new Bad(
                    "?from=2026-11-01T00:00:00Z&to=2026-11-30",
                    "from",
                    "from is a day written YYYY-MM-DD, e.g. 2026-11-01"),
            new Bad("?from=2026-11-30&to=2026-11-01", "to", "to (2026-11-01) is before from (2026-11-30)"),
            new Bad("?from=2026-01-01&to=2027-01-02", "to", "a period is at most 366 days, from and to included"),
            new Bad("?from=2026-11-01", "to", "give both from and to (YYYY-MM-DD), or neither for the current month"),
            new Bad("?to=2026-11-30", "from", "give both from and to (YYYY-MM-DD), or neither for the current month"),
            new Bad("?from=1999-12-31&to=2000-01-01", "from", "from is a day from 2000-01-01 to 2999-12-31"),
            new Bad("?from=2999-12-31&to=%2B999999999-12-31", "to", "to is a day from 2000-01-01 to 2999-12-31"),
        };
        SoftAssertions softly = new SoftAssertions();
        for (Bad bad : cases) {
            OwnerApiClient.Answer answer = api().get(
                            IDP.token("analytics_owner_a"),
                            "/api/businesses/" + businessA + "/analytics" + bad.query());
            softly.assertThat(answer.status()).as(bad.query()).isEqualTo(400);
            softly.assertThat(answer.json().get("code").asInt()).as(bad.query()).isEqualTo(400);
            softly.assertThat(answer.text("field")).as(bad.query()).isEqualTo(bad.field());
            softly.assertThat(answer.text("message")).as(bad.query()).isEqualTo(bad.message());
        }
        softly.assertAll();
    }

    @Test
    void aWholeLeapYearIsAllowed() {
        JsonNode year = analytics("analytics_owner_a", businessA, "?from=2028-01-01&to=2028-12-31");

        assertThat(year.get("periodStart").asText()).isEqualTo("2028-01-01T05:00:00Z");
        assertThat(year.get("periodEnd").asText()).isEqualTo("2029-01-01T05:00:00Z");
        assertThat(year.get("missedCalls").asLong()).isZero();
    }

    private static JsonNode analytics(String subject, String business, String query) {
        OwnerApiClient.Answer answer =
                api().get(IDP.token(subject), "/api/businesses/" + business + "/analytics" + query);
        assertThat(answer.status()).as("%s", answer.json()).isEqualTo(200);
        return answer.json();
    }

    private static String counts(JsonNode analytics) {
        return "missed=" + analytics.get("missedCalls").asLong()
                + " texted=" + analytics.get("texted").asLong()
                + " replied=" + analytics.get("replied").asLong()
                + " qualified=" + analytics.get("qualified").asLong()
                + " completed=" + analytics.get("completed").asLong()
                + " booked=" + analytics.get("booked").asLong();
    }

    private static String create(String owner, Map<String, String> settings) {
        Map<String, String> body = new HashMap<>(settings);
        body.put("name", "Acme Plumbing");
        body.put("forwardingNumber", "+14155550199");
        OwnerApiClient.Answer created = api().post(IDP.token(owner), "/api/businesses", body);
        assertThat(created.status()).as("%s", created.json()).isEqualTo(201);
        return created.text("id");
    }

    private static OwnerApiClient api() {
        return SERVICE.owner();
    }

    /** A call that was not missed: answered, or still ringing. */
    private static void call(String business, String at, String status) {
        SERVICE.jdbi()
                .useHandle(h -> h.createUpdate("""
                                INSERT INTO calls (business_id, call_sid, from_number, to_number, status, answered,
                                                   missed, created_at, updated_at)
                                VALUES (:b, :sid, '+14155550123', '+16285550901', :status, :answered, false, :at, :at)
                                """)
                        .bind("b", UUID.fromString(business))
                        .bind("sid", "CA" + UUID.randomUUID().toString().replace("-", ""))
                        .bind("status", status)
                        .bind("answered", status.equals("ANSWERED"))
                        .bind("at", Instant.parse(at))
                        .execute());
    }

    /** A missed call at {@code at} and its lead, created when the Dial was reported missed. */
    private static Lead missed(String business, String at, String status, String conversationState) {
        Instant callAt = Instant.parse(at);
        Instant missedAt = callAt.plusSeconds(RING_SECONDS);
        UUID businessId = UUID.fromString(business);
        UUID lead = SERVICE.jdbi().withHandle(h -> {
            UUID call = h.createQuery("""
                            INSERT INTO calls (business_id, call_sid, from_number, to_number, status, dial_call_status,
                                               missed, created_at, updated_at)
                            VALUES (:b, :sid, '+14155550123', '+16285550901', 'MISSED', 'no-answer', true, :at, :missedAt)
                            RETURNING id""")
                    .bind("b", businessId)
                    .bind("sid", "CA" + UUID.randomUUID().toString().replace("-", ""))
                    .bind("at", callAt)
                    .bind("missedAt", missedAt)
                    .mapTo(UUID.class)
                    .one();
            return h.createQuery("""
                            INSERT INTO leads (business_id, call_id, caller_raw, caller_number, status,
                                               conversation_state, billing_required, created_at, updated_at)
                            VALUES (:b, :call, '+14155550123', '+14155550123', :status, :state,
                                    :state = 'NOT_STARTED', :at, :at)
                            RETURNING id""")
                    .bind("b", businessId)
                    .bind("call", call)
                    .bind("status", status)
                    .bind("state", conversationState)
                    .bind("at", missedAt)
                    .mapTo(UUID.class)
                    .one();
        });
        return new Lead(businessId, lead, missedAt);
    }

    /** A seeded lead, and the texts to and from its caller. */
    private record Lead(UUID business, UUID id, Instant missedAt) {

        /** The first text to the caller, queued as the miss was reported and sent {@code after} seconds later. */
        Instant sent(double after) {
            Instant sent = plus(missedAt, after);
            outbound("LEAD", "SENT", missedAt, sent);
            return sent;
        }

        /** The first text to the caller, queued as the miss was reported and never sent: {@code state} says why. */
        void unsent(String state) {
            outbound("LEAD", state, missedAt, null);
        }

        void textAt(String state, Instant at) {
            outbound("LEAD", state, at, state.equals("SENT") || state.equals("TWIML_REPLY") ? at : null);
        }

        void ownerText(double after) {
            Instant at = plus(missedAt, after);
            outbound("OWNER", "SENT", at, at);
        }

        /** The caller's text, {@code after} seconds after {@code from}. Returns when it came in. */
        Instant replyAt(Instant from, double after) {
            Instant at = plus(from, after);
            SERVICE.jdbi()
                    .useHandle(h -> h.createUpdate("""
                                    INSERT INTO messages (business_id, lead_id, direction, participant, from_number,
                                                          to_number, body, twilio_sid, twilio_status, created_at,
                                                          updated_at)
                                    VALUES (:b, :lead, 'INBOUND', 'LEAD', '+14155550123', '+16285550901', 'a reply',
                                            :sid, 'received', :at, :at)
                                    """)
                            .bind("b", business)
                            .bind("lead", id)
                            .bind("sid", "SM" + UUID.randomUUID().toString().replace("-", ""))
                            .bind("at", at)
                            .execute());
            return at;
        }

        private void outbound(String participant, String state, Instant createdAt, Instant sentAt) {
            SERVICE.jdbi()
                    .useHandle(h -> h.createUpdate("""
                                    INSERT INTO messages (business_id, lead_id, direction, participant, from_number,
                                                          to_number, body, delivery_state, next_attempt_at, sent_at,
                                                          created_at, updated_at)
                                    VALUES (:b, :lead, 'OUTBOUND', :participant, '+16285550901', '+14155550123',
                                            'a text', :state, :nextAttemptAt, :sentAt, :at, :at)
                                    """)
                            .bind("b", business)
                            .bind("lead", id)
                            .bind("participant", participant)
                            .bind("state", state)
                            .bindByType("nextAttemptAt", state.equals("QUEUED") ? createdAt : null, Instant.class)
                            .bindByType("sentAt", sentAt, Instant.class)
                            .bind("at", createdAt)
                            .execute());
        }

        private static Instant plus(Instant instant, double seconds) {
            return instant.plusNanos(Math.round(seconds * 1_000_000_000L));
        }
    }
}
