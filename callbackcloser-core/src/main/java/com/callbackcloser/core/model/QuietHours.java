package com.callbackcloser.core.model;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Automated texts that are not an immediate answer to the recipient go out between 8:00 and 21:00 in the
 * recipient's local time. A time outside that window moves to the next 8:00. Wall-clock times in the zone, so
 * the window stays 8:00 to 21:00 on the days the clocks change (the changes happen at night, outside it).
 */
public final class QuietHours {
    /** The first minute a text may go out. */
    public static final LocalTime WINDOW_START = LocalTime.of(8, 0);
    /** The first minute a text may no longer go out. */
    public static final LocalTime WINDOW_END = LocalTime.of(21, 0);

    private QuietHours() {}

    /** The earliest instant at or after {@code at} inside the window in {@code zone}. */
    public static Instant earliestSendAt(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(WINDOW_START) && time.isBefore(WINDOW_END)) {
            return at;
        }
        // Before 8:00 the window opens today; from 21:00 on, tomorrow.
        var day = time.isBefore(WINDOW_START)
                ? local.toLocalDate()
                : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, WINDOW_START, zone).toInstant();
    }

    /** The earliest send time from the clock's instant, in the clock's zone (the recipient's). */
    public static Instant earliestSendAt(Clock clock) {
        return earliestSendAt(clock.instant(), clock.getZone());
    }

    public static boolean allows(Instant at, ZoneId zone) {
        return earliestSendAt(at, zone).equals(at);
    }
}
