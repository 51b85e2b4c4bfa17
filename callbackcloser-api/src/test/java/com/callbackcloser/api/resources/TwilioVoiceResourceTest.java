package com.callbackcloser.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.ratelimit.SharedRateLimiter;
import com.callbackcloser.api.twilio.RawPayload;
import com.callbackcloser.api.twilio.TwilioWebhookAuthenticator;
import com.callbackcloser.api.twilio.WebhookUrls;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whatever breaks inside, a caller hears an apology from us, never Twilio's "application error". */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwilioVoiceResourceTest {
    private static final CallbackCloserConfiguration CONFIG = new CallbackCloserConfiguration();
    private static final SharedRateLimiter NO_RATE_LIMITS = new SharedRateLimiter(null, false, Clock.systemUTC());
    private static final ResourceExtension RESOURCE = ResourceExtension.builder()
            .addProvider(new TwilioWebhookAuthenticator(CONFIG, NO_RATE_LIMITS, new Decisions(new MetricRegistry())))
            .addResource(new TwilioVoiceResource(
                    call -> {
                        throw new IllegalStateException("database is down");
                    },
                    new WebhookUrls(CONFIG),
                    new RawPayload(Jackson.newObjectMapper()),
                    new Decisions(new MetricRegistry())))
            .build();

    @Test
    void anInternalErrorStillAnswersWithTwimlThatApologisesAndHangsUp() {
        Response response = RESOURCE.target("/api/twilio/voice")
                .request()
                .post(Entity.form(new Form()
                        .param("CallSid", "CA1")
                        .param("To", "+14155550100")
                        .param("From", "+14155550123")));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("X-CallbackCloser-Decision")).isEqualTo("error");
        assertThat(response.readEntity(String.class))
                .contains("<Say>Sorry, we cannot take your call right now.")
                .contains("<Hangup/>")
                .doesNotContain("<Dial");
    }
}
