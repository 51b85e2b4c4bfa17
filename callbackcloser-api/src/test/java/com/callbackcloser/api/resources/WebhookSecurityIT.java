package com.callbackcloser.api.resources;

import static com.callbackcloser.api.testing.WebhookClient.encode;
import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.api.testing.TwilioSignature;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signature checks, hostile bodies and correlation ids, with signature validation on. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookSecurityIT {
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures();

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private Business business;
    private Map<String, String> missedCall;

    @BeforeEach
    void business() {
        business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        missedCall = params(
                "CallSid",
                "CA" + System.nanoTime(),
                "From",
                "+14155550123",
                "To",
                business.twilioNumber(),
                "DialCallStatus",
                "no-answer");
    }

    @Test
    void validSignatureIsAccepted() {
        HttpResponse<String> response = SERVICE.webhooks().post("/api/twilio/status", missedCall);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(leads()).isEqualTo(1);
    }

    @Test
    void invalidSignatureIsRefusedWithDropwizardErrorJsonAndStoresNothing() {
        String signature = TwilioSignature.sign(
                "not-the-auth-token", ServiceUnderTest.PUBLIC_URL + "/api/twilio/status", missedCall);
        HttpResponse<String> response = SERVICE.webhooks()
                .postRaw("/api/twilio/status", encode(missedCall), Map.of("X-Twilio-Signature", signature));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(response.body())
                .isEqualTo(
                        "{\"code\":401,\"message\":\"Twilio webhook authentication failed: invalid X-Twilio-Signature\"}");
        assertThat(leads()).isZero();
    }

    @Test
    void missingSignatureIsRefused() {
        HttpResponse<String> response = SERVICE.webhooks().postRaw("/api/twilio/status", encode(missedCall), Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("missing X-Twilio-Signature");
        assertThat(leads()).isZero();
    }

    @Test
    void aSignatureOverTheInternalUrlIsRefused() {
        // Behind a proxy Twilio signs the public URL; the address we happen to listen on proves nothing.
        String internal = "http://localhost:" + SERVICE.app.getLocalPort() + "/api/twilio/status";
        HttpResponse<String> response = SERVICE.webhooks()
                .postRaw(
                        "/api/twilio/status",
                        encode(missedCall),
                        Map.of(
                                "X-Twilio-Signature",
                                TwilioSignature.sign(TwilioFake.AUTH_TOKEN, internal, missedCall)));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aTamperedParameterBreaksTheSignature() {
        String signature = TwilioSignature.sign(
                TwilioFake.AUTH_TOKEN, ServiceUnderTest.PUBLIC_URL + "/api/twilio/status", missedCall);
        missedCall.put("DialCallStatus", "busy");
        HttpResponse<String> response = SERVICE.webhooks()
                .postRaw("/api/twilio/status", encode(missedCall), Map.of("X-Twilio-Signature", signature));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenIsNoSubstituteForASignatureWhenNoTokenIsConfigured() {
        HttpResponse<String> response =
                SERVICE.webhooks().postRaw("/api/twilio/status?webhook_token=wrong", encode(missedCall), Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void oversizedBodyIsRefusedAndStoresNothing() {
        missedCall.put("Padding", "x".repeat(70_000));
        HttpResponse<String> response = SERVICE.webhooks().post("/api/twilio/status", missedCall);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":413").contains("larger than 65536 bytes");
        assertThat(leads()).isZero();
    }

    @Test
    void malformedFormBodyIsABadRequest() {
        HttpResponse<String> response = SERVICE.webhooks()
                .postRaw("/api/twilio/status", "CallSid=CA1&To=%ZZ", Map.of("X-Twilio-Signature", "irrelevant"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("malformed form body");
    }

    @Test
    void bodyThatIsNotFormEncodedIsRefused() {
        HttpResponse<String> response = SERVICE.webhooks()
                .postRaw("/api/twilio/status", "{\"CallSid\":\"CA1\"}", Map.of("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void everyResponseCarriesACorrelationIdTakenFromTheCallerWhenSane() {
        HttpResponse<String> given =
                SERVICE.webhooks().postRaw("/api/twilio/status", encode(missedCall), Map.of("X-Request-Id", "req-123"));
        HttpResponse<String> generated = SERVICE.webhooks()
                .postRaw("/api/twilio/status", encode(missedCall), Map.of("X-Correlation-Id", "x".repeat(129)));
        HttpResponse<String> notFound = SERVICE.webhooks().postRaw("/api/nothing-here", "", Map.of());

        assertThat(given.headers().firstValue("X-Correlation-Id")).contains("req-123");
        assertThat(generated.headers().firstValue("X-Correlation-Id"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36).isNotEqualTo("x".repeat(129)));
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("X-Correlation-Id")).isPresent();
    }

    private int leads() {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM leads WHERE business_id = :b")
                        .bind("b", business.id())
                        .mapTo(Integer.class)
                        .one());
    }
}
