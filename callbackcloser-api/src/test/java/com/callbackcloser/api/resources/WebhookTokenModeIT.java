package com.callbackcloser.api.resources;

import static com.callbackcloser.api.testing.WebhookClient.encode;
import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Outside production, without signature validation: the shared token, mid-rotation. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookTokenModeIT {
    private static final ServiceUnderTest SERVICE = new ServiceUnderTest(List.of(
            "twilio.webhookAuthToken", "current-token",
            "twilio.previousWebhookAuthTokens", "older-token, previous-token"));

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private Business business;
    private String body;

    @BeforeEach
    void business() {
        business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        body = encode(params(
                "CallSid",
                "CA" + System.nanoTime(),
                "From",
                "+14155550123",
                "To",
                business.twilioNumber(),
                "DialCallStatus",
                "completed"));
    }

    @Test
    void currentTokenIsAcceptedInTheQueryAndInEachHeader() {
        assertThat(post("/api/twilio/status?webhook_token=current-token", Map.of())
                        .statusCode())
                .isEqualTo(200);
        for (String header :
                List.of("X-CallbackCloser-Webhook-Token", "X-Twilio-Webhook-Auth-Token", "X-Webhook-Token")) {
            assertThat(post("/api/twilio/status", Map.of(header, "current-token"))
                            .statusCode())
                    .as(header)
                    .isEqualTo(200);
        }
        assertThat(post("/api/twilio/status", Map.of("Authorization", "Bearer current-token"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void previousTokensStillWorkDuringARotation() {
        assertThat(post("/api/twilio/status?webhook_token=previous-token", Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/api/twilio/status?webhook_token=older-token", Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void wrongOrMissingTokenIsUnauthorised() {
        HttpResponse<String> wrong = post("/api/twilio/status?webhook_token=current-tokeN", Map.of());
        HttpResponse<String> missing = post("/api/twilio/status", Map.of());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("wrong webhook token");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("missing webhook token");
    }

    @Test
    void theDialCallbackUrlsCarryTheCurrentTokenSoTwilioCanAuthenticate() {
        HttpResponse<String> voice = SERVICE.webhooks()
                .postRaw(
                        "/api/twilio/voice?webhook_token=current-token",
                        encode(params(
                                "CallSid",
                                "CA" + System.nanoTime(),
                                "From",
                                "+14155550123",
                                "To",
                                business.twilioNumber())),
                        Map.of());

        assertThat(voice.statusCode()).isEqualTo(200);
        assertThat(voice.body())
                .contains("action=\"https://callbacks.example.test/api/twilio/status?webhook_token=current-token#")
                .contains("recordingStatusCallback=\"https://callbacks.example.test/api/twilio/status?"
                        + "webhook_token=current-token#");
    }

    @Test
    void theScreeningUrlsCarryTheTokenAndAreRefusedWithoutIt() {
        Business screening = TestBusinesses.createWithCallScreening(SERVICE.transactions());
        String parent = "CA" + System.nanoTime();
        HttpResponse<String> voice = SERVICE.webhooks()
                .postRaw(
                        "/api/twilio/voice?webhook_token=current-token",
                        encode(params("CallSid", parent, "From", "+14155550123", "To", screening.twilioNumber())),
                        Map.of());
        String leg = encode(params(
                "CallSid",
                "CA" + System.nanoTime(),
                "ParentCallSid",
                parent,
                "Direction",
                "outbound-dial",
                "From",
                screening.twilioNumber(),
                "To",
                "+14155550199",
                "Digits",
                "1"));
        HttpResponse<String> whisper =
                SERVICE.webhooks().postRaw("/api/twilio/screen?webhook_token=current-token", leg, Map.of());

        assertThat(voice.body())
                .contains("url=\"https://callbacks.example.test/api/twilio/screen?webhook_token=current-token#");
        assertThat(whisper.statusCode()).isEqualTo(200);
        assertThat(whisper.body())
                .contains("action=\"https://callbacks.example.test/api/twilio/screen-result?"
                        + "webhook_token=current-token#");
        assertThat(SERVICE.webhooks()
                        .postRaw("/api/twilio/screen-result", leg, Map.of())
                        .statusCode())
                .isEqualTo(401);
        assertThat(SERVICE.webhooks()
                        .postRaw("/api/twilio/screen", leg, Map.of("X-Webhook-Token", "wrong"))
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> pressed =
                SERVICE.webhooks().postRaw("/api/twilio/screen-result?webhook_token=current-token", leg, Map.of());
        assertThat(pressed.headers().firstValue("X-CallbackCloser-Decision")).contains("accepted");
    }

    /**
     * Mid-rotation, a call that came in on a URL with the previous token (the number not yet re-synced) is handed
     * URLs with that same token, not the new one: an instance still on the old configuration (a rolling deploy, a
     * rollback) accepts only the old token, and the rotation's last step, dropping the previous token, waits until
     * nothing presents it any more, which then covers the callbacks of calls still in progress too.
     */
    @Test
    void aCallOnThePreviousTokenIsHandedUrlsWithThatTokenForEveryCallbackOfTheCall() {
        Business screening = TestBusinesses.createWithCallScreening(SERVICE.transactions());
        String parent = "CA" + System.nanoTime();
        HttpResponse<String> voice = SERVICE.webhooks()
                .postRaw(
                        "/api/twilio/voice?webhook_token=previous-token",
                        encode(params("CallSid", parent, "From", "+14155550123", "To", screening.twilioNumber())),
                        Map.of());
        String leg = encode(params(
                "CallSid",
                "CA" + System.nanoTime(),
                "ParentCallSid",
                parent,
                "Direction",
                "outbound-dial",
                "From",
                screening.twilioNumber(),
                "To",
                "+14155550199"));
        HttpResponse<String> whisper =
                SERVICE.webhooks().postRaw("/api/twilio/screen?webhook_token=previous-token", leg, Map.of());

        assertThat(voice.statusCode()).isEqualTo(200);
        assertThat(voice.body())
                .contains("action=\"https://callbacks.example.test/api/twilio/status?webhook_token=previous-token#")
                .contains("recordingStatusCallback=\"https://callbacks.example.test/api/twilio/status?"
                        + "webhook_token=previous-token#")
                .contains("url=\"https://callbacks.example.test/api/twilio/screen?webhook_token=previous-token#")
                .doesNotContain("current-token");
        assertThat(whisper.body())
                .contains("action=\"https://callbacks.example.test/api/twilio/screen-result?"
                        + "webhook_token=previous-token#")
                .doesNotContain("current-token");
    }

    private HttpResponse<String> post(String path, Map<String, String> headers) {
        return SERVICE.webhooks().postRaw(path, body, headers);
    }
}
