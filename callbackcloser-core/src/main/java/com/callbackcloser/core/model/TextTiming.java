package com.callbackcloser.core.model;

import java.time.Duration;
import java.util.Optional;

/**
 * When automated texts that are not an immediate answer go out.
 *
 * @param followUpMinutes how long a caller may stay silent mid-conversation before the one follow-up; 0 turns
 *     follow-ups off. At least 15 minutes (sooner reads as nagging), at most a day (later, the caller has moved on)
 * @param ownerQuietHours whether texts to the owner's notify phone also wait for 8:00 to 21:00 in its local time
 */
public record TextTiming(int followUpMinutes, boolean ownerQuietHours) {
    public static final int FOLLOW_UP_OFF = 0;
    public static final int MIN_FOLLOW_UP_MINUTES = 15;
    public static final int MAX_FOLLOW_UP_MINUTES = 24 * 60;
    public static final int DEFAULT_FOLLOW_UP_MINUTES = 120;
    /** Follow-ups after 2 h; owner texts at any hour (an owner usually wants a new lead at once). */
    public static final TextTiming DEFAULTS = new TextTiming(DEFAULT_FOLLOW_UP_MINUTES, false);

    public TextTiming {
        if (followUpMinutes != FOLLOW_UP_OFF
                && (followUpMinutes < MIN_FOLLOW_UP_MINUTES || followUpMinutes > MAX_FOLLOW_UP_MINUTES)) {
            throw new InvalidInputException(
                    "followUpMinutes",
                    "follow-up minutes are " + FOLLOW_UP_OFF + " (off) or " + MIN_FOLLOW_UP_MINUTES + " to "
                            + MAX_FOLLOW_UP_MINUTES);
        }
    }

    /** The silence after which a caller gets the follow-up; empty when follow-ups are off. */
    public Optional<Duration> followUpDelay() {
        return followUpMinutes == FOLLOW_UP_OFF ? Optional.empty() : Optional.of(Duration.ofMinutes(followUpMinutes));
    }
}
