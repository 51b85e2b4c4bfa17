package com.callbackcloser.core.model;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A calendar month in a zone, as the instants it starts and ends at [start, end). Computed in the zone, so
 * it follows daylight saving: March 2026 in New York runs from 2026-03-01T05:00Z to 2026-04-01T04:00Z.
 */
public record UsagePeriod(Instant start, Instant end) {

    public UsagePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
    }

    public static UsagePeriod monthContaining(Instant instant, ZoneId zone) {
        YearMonth month = YearMonth.from(instant.atZone(zone));
        return new UsagePeriod(startOf(month, zone), startOf(month.plusMonths(1), zone));
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    private static Instant startOf(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
