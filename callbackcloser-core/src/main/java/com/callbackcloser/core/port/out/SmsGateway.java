package com.callbackcloser.core.port.out;

import java.time.Instant;
import java.util.Optional;

/** Sends texts (Twilio in production, a logger in development). */
public interface SmsGateway {

    /** Never throws for a refusal or a network failure: those are results. */
    SendResult send(SmsRequest sms);

    /**
     * A message with this sender, recipient and body that the provider accepted at or after {@code since},
     * used to settle sends whose worker died before recording the result. Empty when none was accepted;
     * throws when the provider cannot be asked now.
     */
    Optional<SendResult.Accepted> findAccepted(SmsRequest sms, Instant since);
}
