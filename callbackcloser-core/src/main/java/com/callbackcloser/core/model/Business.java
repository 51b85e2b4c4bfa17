package com.callbackcloser.core.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer of ours: one Twilio number, one owner phone to forward calls to.
 *
 * @param callScreening whether the forwarded leg first hears "press 1 to take this call", so that carrier voicemail
 *     picking up counts as a missed call
 */
public record Business(
        UUID id,
        String name,
        String forwardingNumber,
        String notifyPhone,
        int missedCallSeconds,
        ServiceLabels serviceLabels,
        ZoneId timeZone,
        TextTiming textTiming,
        boolean callScreening,
        String twilioNumber,
        String twilioNumberSid,
        Subscription subscription,
        Instant createdAt) {

    public static final int MIN_MISSED_CALL_SECONDS = 5;
    public static final int MAX_MISSED_CALL_SECONDS = 90;
    public static final int DEFAULT_MISSED_CALL_SECONDS = 20;
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("America/New_York");

    public Business {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(forwardingNumber, "forwardingNumber");
        Objects.requireNonNull(serviceLabels, "serviceLabels");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(textTiming, "textTiming");
        Objects.requireNonNull(subscription, "subscription");
    }

    public Optional<String> twilioNumberIfAny() {
        return Optional.ofNullable(twilioNumber).filter(number -> !number.isBlank());
    }

    public Optional<String> notifyPhoneIfAny() {
        return Optional.ofNullable(notifyPhone).filter(number -> !number.isBlank());
    }
}
