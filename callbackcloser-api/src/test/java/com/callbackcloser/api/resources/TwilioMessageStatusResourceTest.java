package com.callbackcloser.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.ratelimit.SharedRateLimiter;
import com.callbackcloser.api.twilio.TwilioWebhookAuthenticator;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A delivery report we could not store is a 503, like every other Twilio webhook, so Twilio sends it again. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwilioMessageStatusResourceTest {
    private static final CallbackCloserConfiguration CONFIG = new CallbackCloserConfiguration();
    private static final SharedRateLimiter NO_RATE_LIMITS = new SharedRateLimiter(null, false, Clock.systemUTC());
    private static final ResourceExtension RESOURCE = ResourceExtension.builder()
            .addProvider(new TwilioWebhookAuthenticator(CONFIG, NO_RATE_LIMITS, new Decisions(new MetricRegistry())))
            .addResource(new TwilioMessageStatusResource(
                    callback -> {
                        throw new IllegalStateException("database is down");
                    },
                    new Decisions(new MetricRegistry())))
            .build();

    @Test
    void aStatusThatCouldNotBeStoredIs503AndRetryable() {
        Response response = RESOURCE.target("/api/twilio/message-status")
                .request()
                .post(Entity.form(new Form().param("MessageSid", "SM1").param("MessageStatus", "delivered")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("X-CallbackCloser-Decision")).isEqualTo("error");
        assertThat(response.readEntity(String.class))
                .contains("\"retryable\":true")
                .contains("/api/twilio/message-status");
    }
}
