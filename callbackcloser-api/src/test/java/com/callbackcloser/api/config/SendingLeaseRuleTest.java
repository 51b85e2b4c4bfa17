package com.callbackcloser.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * A send's lease must outlast the send. If it runs out while the Twilio call is still waiting, a worker looks the
 * text up, does not find it (Twilio has not answered yet) and queues it again: the caller gets it twice. That is
 * how OutboxDeliveryIT once ran (1 s lease, 2 s timeout); a configuration like it must refuse to start.
 */
class SendingLeaseRuleTest {
    private final Validator validator = Validators.newValidator();

    @Test
    void aLeaseShorterThanATwilioCallCanTakeRefusesToStart() {
        CallbackCloserConfiguration config = new CallbackCloserConfiguration();
        config.getTwilio().setRequestTimeout(Duration.seconds(2));
        config.getOutbox().setSendingLease(Duration.seconds(1));

        assertThat(validator.validate(config))
                .extracting(ConstraintViolation::getMessage)
                .anySatisfy(message -> assertThat(message).contains("outbox.sendingLease"));
    }

    @Test
    void aLeaseEqualToTheLongestCallIsStillTooShort() {
        CallbackCloserConfiguration config = new CallbackCloserConfiguration();
        config.getTwilio().setRequestTimeout(Duration.seconds(10));
        config.getOutbox().setSendingLease(Duration.seconds(30));

        assertThat(validator.validate(config)).isNotEmpty();
    }

    @Test
    void theDefaultsAndTheRepositoryConfigurationAreFine() {
        CallbackCloserConfiguration defaults = new CallbackCloserConfiguration();
        assertThat(validator.validate(defaults)).isEmpty();

        CallbackCloserConfiguration chaos = new CallbackCloserConfiguration();
        chaos.getTwilio().setRequestTimeout(Duration.seconds(2));
        chaos.getOutbox().setSendingLease(Duration.seconds(15));
        assertThat(validator.validate(chaos)).isEmpty();
    }
}
