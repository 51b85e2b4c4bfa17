package com.callbackcloser.core.model;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A business's opening hours as the owner sees them.
 *
 * @param hours empty when none are set: always open
 * @param openNow whether a call missed now would get the first text rather than the after-hours one
 */
public record HoursSettings(ZoneId timeZone, Optional<OpeningHours> hours, boolean openNow) {
    public HoursSettings {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(hours, "hours");
    }
}
