package com.callbackcloser.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.ratelimit.SharedRateLimiter;
import com.callbackcloser.api.twilio.TwilioWebhookAuthenticator;
import com.callbackcloser.api.twilio.WebhookUrls;
import com.callbackcloser.core.port.in.ScreeningPrompt;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the database down, a person who pressed the key is still connected (the caller gets a text they did not
 * need, rather than a dropped call), and the whisper still plays, without the business's name.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwilioScreenResourcesTest {
    private static final CallbackCloserConfiguration CONFIG = new CallbackCloserConfiguration();
    private static final SharedRateLimiter NO_RATE_LIMITS = new SharedRateLimiter(null, false, Clock.systemUTC());
    private static final Decisions DECISIONS = new Decisions(new MetricRegistry());
    private static final ResourceExtension RESOURCE = ResourceExtension.builder()
            .addProvider(new TwilioWebhookAuthenticator(CONFIG, NO_RATE_LIMITS, DECISIONS))
            .addResource(new TwilioScreenResultResource(
                    result -> {
                        throw new IllegalStateException("database is down");
                    },
                    DECISIONS))
            .addResource(new TwilioScreenResource(
                    call -> {
                        throw new IllegalStateException("database is down");
                    },
                    new WebhookUrls(CONFIG),
                    DECISIONS))
            .build();

    @Test
    void aKeyPressThatCannotBeRecordedStillConnectsTheCall() {
        Response pressed = post("/api/twilio/screen-result", "1");
        Response declined = post("/api/twilio/screen-result", "2");

        assertThat(pressed.getStatus()).isEqualTo(200);
        assertThat(pressed.getHeaderString("X-CallbackCloser-Decision")).isEqualTo("error");
        assertThat(pressed.readEntity(String.class)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        assertThat(declined.readEntity(String.class)).contains("<Hangup/>");
    }

    @Test
    void theWhisperPlaysWithoutTheNameWhenItCannotBeRead() {
        Response whisper = post("/api/twilio/screen", null);

        assertThat(whisper.getStatus()).isEqualTo(200);
        assertThat(whisper.getHeaderString("X-CallbackCloser-Decision")).isEqualTo("error");
        assertThat(whisper.readEntity(String.class))
                .contains("<Say>Press 1 to take this call.</Say>")
                .contains("<Hangup/>");
        assertThat(ScreeningPrompt.unknownCall().knowsBusiness()).isFalse();
    }

    private static Response post(String path, String digits) {
        Form form =
                new Form().param("CallSid", "CA2").param("ParentCallSid", "CA1").param("Direction", "outbound-dial");
        if (digits != null) {
            form.param("Digits", digits);
        }
        return RESOURCE.target(path).request().post(Entity.form(form));
    }
}
