package com.callbackcloser.api.resources;

import static com.callbackcloser.api.testing.WebhookClient.encode;
import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioSignature;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Twilio's webhooks do not support rate limiting (its error 11217): a 429 to an authenticated request is a lost
 * call or text. Only requests without valid credentials are counted; a request already answered is answered again
 * from memory, before anything is counted or read.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwilioRateLimitIT {
    /**
     * Budgets tiny enough to be spent within one test (the authorized one no longer applies to anything), and answers
     * remembered as in production.
     */
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures(
            "outbox.enabled", "false",
            "webhooks.duplicateAnswers.maxEntries", "10000",
            "rateLimits.twilioAuthorized.limit", "3",
            "rateLimits.twilioUnauthorized.limit", "3");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    @Test
    void signedTrafficIsNeverThrottledHoweverMuchOfItThereIs() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Business business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
            statuses.add(SERVICE.webhooks()
                    .post(
                            "/api/twilio/voice",
                            params(
                                    "AccountSid",
                                    "AC1",
                                    "CallSid",
                                    "CA" + System.nanoTime(),
                                    "From",
                                    "+14155550123",
                                    "To",
                                    business.twilioNumber()))
                    .statusCode());
        }

        assertThat(statuses).containsOnly(200);
        assertThat(countersNamed("twilio:%")).isZero();
    }

    @Test
    void aReplayedRequestIsAnsweredAsADuplicateAndTakesNothingDownForAnyoneElse() {
        Business replayed = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        Map<String, String> missed = params(
                "AccountSid", "AC1",
                "CallSid", "CA" + System.nanoTime(),
                "From", "+14155550123",
                "To", replayed.twilioNumber(),
                "DialCallStatus", "no-answer");
        HttpResponse<String> first = SERVICE.webhooks().post("/api/twilio/status", missed);
        int messagesAfterTheFirst = messagesOf(replayed);

        List<HttpResponse<String>> replays = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replays.add(SERVICE.webhooks().post("/api/twilio/status", missed));
        }
        Business other = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        HttpResponse<String> someoneElsesCall = SERVICE.webhooks()
                .post(
                        "/api/twilio/voice",
                        params(
                                "AccountSid",
                                "AC1",
                                "CallSid",
                                "CA" + System.nanoTime(),
                                "From",
                                "+14155550124",
                                "To",
                                other.twilioNumber()));

        assertThat(first.headers().firstValue("X-CallbackCloser-Decision")).contains("text_queued");
        assertThat(replays).allSatisfy(replay -> {
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.headers().firstValue("X-CallbackCloser-Decision")).contains("duplicate");
            assertThat(replay.body()).isEqualTo(first.body());
        });
        assertThat(someoneElsesCall.statusCode()).isEqualTo(200);
        assertThat(someoneElsesCall.headers().firstValue("X-CallbackCloser-Decision"))
                .contains("forward");
        assertThat(messagesOf(replayed)).isEqualTo(messagesAfterTheFirst);
    }

    private static int messagesOf(Business business) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM messages WHERE business_id = :id")
                        .bind("id", business.id())
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void aRequestWithTheSameSidButNewFieldsIsNotADuplicate() {
        Business business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        String callSid = "CA" + System.nanoTime();
        SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "CallSid",
                                callSid,
                                "From",
                                "+14155550123",
                                "To",
                                business.twilioNumber(),
                                "DialCallStatus",
                                "no-answer"));

        HttpResponse<String> recording = SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "CallSid", callSid,
                                "RecordingSid", "RE" + System.nanoTime(),
                                "RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1",
                                "RecordingStatus", "completed",
                                "RecordingDuration", "12"));

        assertThat(recording.headers().firstValue("X-CallbackCloser-Decision")).contains("recording_stored");
    }

    @Test
    void requestsWithoutValidCredentialsAreStillLimitedAndNeverAnsweredFromMemory() {
        Business business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        Map<String, String> missed = params(
                "CallSid",
                "CA" + System.nanoTime(),
                "From",
                "+14155550123",
                "To",
                business.twilioNumber(),
                "DialCallStatus",
                "busy");
        assertThat(SERVICE.webhooks().post("/api/twilio/status", missed).statusCode())
                .isEqualTo(200);

        // Budgets are per window of the clock: a window boundary may reset the count once, never twice.
        List<Integer> statuses = new ArrayList<>();
        while (statuses.size() < 8 && !statuses.contains(429)) {
            statuses.add(SERVICE.webhooks()
                    .postRaw(
                            "/api/twilio/status",
                            encode(missed),
                            Map.of(
                                    "X-Twilio-Signature",
                                    TwilioSignature.sign(
                                            "not-the-auth-token",
                                            ServiceUnderTest.PUBLIC_URL + "/api/twilio/status",
                                            missed)))
                    .statusCode());
        }

        assertThat(statuses).endsWith(429);
        assertThat(statuses.subList(0, statuses.size() - 1))
                .hasSizeGreaterThanOrEqualTo(3)
                .containsOnly(401);
    }

    private static int countersNamed(String pattern) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM rate_limit_windows WHERE key LIKE :pattern")
                        .bind("pattern", pattern)
                        .mapTo(Integer.class)
                        .one());
    }
}
