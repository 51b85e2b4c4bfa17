package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "whsec_test";
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"lead.created\"}";

    @Test
    void theHeaderIsTheTimestampAndTheHexHmacOfTimestampDotBody() {
        // Computed independently: printf '%s' '1764131700.{"id":"e1","type":"lead.created"}' \
        //   | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.header(SECRET, 1764131700L, BODY))
                .isEqualTo("t=1764131700,v1=85b6f204015716b77b5bdf9becfa390e398ddf7f58d9dac850fc4f55997ff5b0");
    }

    @Test
    void aReceiverAcceptsTheSignatureWithinTheToleranceAndNothingElse() {
        String header = WebhookSignature.header(SECRET, 1_000_000L, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_000_100L, 300))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", 1_000_100L, 300))
                .as("body changed")
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, 1_000_100L, 300))
                .as("another secret")
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_000_301L, 300))
                .as("too old")
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, header.replace("t=1000000", "t=1000200"), BODY, 1_000_200L, 300))
                .as("fresh timestamp on an old signature")
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, 1_000_000L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=x,v1=abc", BODY, 1_000_000L, 300))
                .isFalse();
    }

    @Test
    void duringARotationTheHeaderCarriesTheNewSecretsSignatureThenTheOldOnes() {
        // Computed independently, as above, with -hmac whsec_new and -hmac whsec_test.
        assertThat(WebhookSignature.header("whsec_new", SECRET, 1764131700L, BODY))
                .isEqualTo("t=1764131700"
                        + ",v1=67e46fb32f4dacbf9ad354fb38ec5023cc02bf93fe5c45ff70f32f74bfd34b3c"
                        + ",v1=85b6f204015716b77b5bdf9becfa390e398ddf7f58d9dac850fc4f55997ff5b0");
        assertThat(WebhookSignature.header("whsec_new", null, 1764131700L, BODY))
                .isEqualTo(WebhookSignature.header("whsec_new", 1764131700L, BODY));
    }

    @Test
    void aReceiverHoldingEitherSecretAcceptsATwoSignatureHeaderAndOneHoldingNeitherDoesNot() {
        String header = WebhookSignature.header("whsec_new", SECRET, 1_000_000L, BODY);

        assertThat(WebhookSignature.verify("whsec_new", header, BODY, 1_000_000L, 300))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_000_000L, 300))
                .isTrue();
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, 1_000_000L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", 1_000_000L, 300))
                .isFalse();
    }
}
