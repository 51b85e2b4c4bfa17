package com.callbackcloser.api.resources;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.StoppablePostgres;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.adapter.JdbiTransactionRunner;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stopped for real under a running service: calls are still forwarded from the forwarding settings it
 * last read, everything that must be stored answers 503 so Twilio's retry (the connection overrides) comes back,
 * and once the database is back the retry is stored as if nothing had happened.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatabaseOutageIT {
    private static final StoppablePostgres POSTGRES = StoppablePostgres.startMigrated();

    /** There before the service starts: only the start-up fill can know it when the database goes down. */
    private static final Business KNOWN_AT_START =
            TestBusinesses.create(new JdbiTransactionRunner(POSTGRES.jdbi()), SubscriptionStatus.ACTIVE);

    private static final ServiceUnderTest SERVICE =
            ServiceUnderTest.withSignaturesOn(POSTGRES, "outbox.enabled", "false", "outboundWebhooks.enabled", "false");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    @AfterAll
    static void removeTheDatabase() {
        POSTGRES.close();
    }

    @Test
    void withPostgresDownCallsAreStillForwardedAndWhatMustBeStoredIsRetriedUntilItIs() {
        Business calledBefore = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        Business neverCalled = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        assertThat(voice(calledBefore).headers().firstValue("X-CallbackCloser-Decision"))
                .contains("forward");

        POSTGRES.stop();
        try {
            HttpResponse<String> startUpFill = voice(KNOWN_AT_START);
            HttpResponse<String> lastLookup = voice(calledBefore);
            HttpResponse<String> unknown = voice(neverCalled);

            for (HttpResponse<String> forwarded : List.of(startUpFill, lastLookup)) {
                assertThat(forwarded.statusCode()).isEqualTo(200);
                assertThat(forwarded.headers().firstValue("X-CallbackCloser-Decision"))
                        .contains("forward_unrecorded");
                assertThat(forwarded.body())
                        .contains("<Number>+14155550199</Number>")
                        .contains("timeout=\"20\"")
                        .contains("action=\"https://callbacks.example.test/api/twilio/status#");
            }
            // Nothing was ever read for this number: there is nothing to forward to.
            assertThat(unknown.statusCode()).isEqualTo(200);
            assertThat(unknown.body()).contains("<Say>Sorry, we cannot take your call right now.");

            assertThat(missedCall(calledBefore, "CAoutage").statusCode()).isEqualTo(503);
            assertThat(SERVICE.webhooks()
                            .post(
                                    "/api/twilio/sms",
                                    params(
                                            "MessageSid", "SMoutage",
                                            "From", "+14155550123",
                                            "To", calledBefore.twilioNumber(),
                                            "Body", "1"))
                            .statusCode())
                    .isEqualTo(503);
            HttpResponse<String> messageStatus = SERVICE.webhooks()
                    .post(
                            "/api/twilio/message-status?messageId=" + UUID.randomUUID(),
                            params("MessageSid", "SMsent", "MessageStatus", "delivered"));
            assertThat(messageStatus.statusCode()).isEqualTo(503);
            assertThat(messageStatus.body()).contains("\"retryable\":true");
        } finally {
            POSTGRES.start();
        }

        // Twilio retries the Dial's result; once the pool reconnects it is stored and the caller texted.
        AtomicReference<HttpResponse<String>> retried = new AtomicReference<>();
        Eventually.within(Duration.ofSeconds(90), () -> {
            retried.set(missedCall(calledBefore, "CAoutage"));
            assertThat(retried.get().statusCode()).isEqualTo(200);
        });
        assertThat(retried.get().headers().firstValue("X-CallbackCloser-Decision"))
                .contains("text_queued");
        assertThat((int) SERVICE.jdbi()
                        .withHandle(h -> h.createQuery("SELECT count(*) FROM leads l JOIN calls c ON c.id = l.call_id"
                                        + " WHERE c.call_sid = 'CAoutage'")
                                .mapTo(Integer.class)
                                .one()))
                .isEqualTo(1);
        assertThat(voice(neverCalled).headers().firstValue("X-CallbackCloser-Decision"))
                .contains("forward");
    }

    private static HttpResponse<String> voice(Business business) {
        return SERVICE.webhooks()
                .post(
                        "/api/twilio/voice",
                        params(
                                "CallSid",
                                "CA" + System.nanoTime(),
                                "From",
                                "+14155550123",
                                "To",
                                business.twilioNumber(),
                                "Direction",
                                "inbound"));
    }

    private static HttpResponse<String> missedCall(Business business, String callSid) {
        return SERVICE.webhooks()
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
    }
}
