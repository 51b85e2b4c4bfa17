package com.callbackcloser.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {
    private final SecretRedactor redactor =
            new SecretRedactor(List.of("the-configured-auth-token", "short", "", "   "));

    @Test
    void configuredSecretsAndCredentialShapesAreHidden() {
        String text = "token the-configured-auth-token; key sk_live_51H8dkABC and rk_test_xyz123;"
                + " whsec_abcDEF123= cck_4f5e6d7c8b9a Authorization: Bearer eyJhbGciOi.eyJzdWIi.sig-part"
                + " basic dXNlcjpwYXNz postgres://app:hunter2@db.internal:5432/app"
                + " https://x.test/api/twilio/voice?webhook_token=abc123&x=1 password=hunter3,"
                + " 0123456789abcdef0123456789abcdef caller +14155550123";

        assertThat(redactor.redact(text))
                .isEqualTo("token ****; key sk_live_**** and rk_test_****; whsec_**** cck_**** Authorization: Bearer"
                        + " **** basic **** postgres://****@db.internal:5432/app"
                        + " https://x.test/api/twilio/voice?webhook_token=****&x=1 password=****,"
                        + " **** caller ***0123");
    }

    @Test
    void ordinaryTextAndIdentifiersStay() {
        String text = "event=twilio.status decision=text_queued callSid=CAa1b2c3d4e5f60718293a4b5c6d7e8f90"
                + " messageId=6f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b short 2026-12-04";

        assertThat(redactor.redact(text)).isEqualTo(text);
    }
}
