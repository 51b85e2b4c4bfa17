package com.callbackcloser.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.ratelimit.SharedRateLimiter;
import com.callbackcloser.api.twilio.RawPayload;
import com.callbackcloser.api.twilio.TwilioWebhookAuthenticator;
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

/** A failure while recording a missed call asks Twilio to retry instead of losing the call. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwilioStatusResourceTest {
    private static final SharedRateLimiter NO_RATE_LIMITS = new SharedRateLimiter(null, false, Clock.systemUTC());
    private static final ResourceExtension RESOURCE = ResourceExtension.builder()
            .addProvider(new TwilioWebhookAuthenticator(
                    new CallbackCloserConfiguration(), NO_RATE_LIMITS, new Decisions(new MetricRegistry())))
            .addResource(new TwilioStatusResource(
                    callback -> {
                        throw new IllegalStateException("connection refused");
                    },
                    new RawPayload(Jackson.newObjectMapper()),
                    new Decisions(new MetricRegistry())))
            .build();

    @Test
    void aFailureAnswers503WithARetryableJsonBody() {
        Response response = RESOURCE.target("/api/twilio/status")
                .request()
                .post(Entity.form(new Form()
                        .param("CallSid", "CA1")
                        .param("To", "+14155550100")
                        .param("From", "+14155550123")
                        .param("DialCallStatus", "no-answer")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.readEntity(String.class))
                .isEqualTo(
                        "{\"error\":\"could not record the call status; retry\",\"retryable\":true,\"route\":\"/api/twilio/status\"}");
    }
}
