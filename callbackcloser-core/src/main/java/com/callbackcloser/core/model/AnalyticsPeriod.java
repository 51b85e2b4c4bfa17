package com.callbackcloser.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Days in a business's time zone, and the instants they cover: [midnight of the first day, midnight after the
 * last). Each midnight is the zone's own, so a period follows daylight saving: November 2026 in New York runs
 * from 2026-11-01T04:00Z (EDT) to 2026-12-01T05:00Z (EST), and its first day is 25 hours long. Where a zone
 * skips midnight itself, a day starts at its first moment that exists.
 */
public record AnalyticsPeriod(DayRange days, ZoneId zone) {

    public AnalyticsPeriod {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(zone, "zone");
    }

    /** The calendar month that {@code now} falls in, in {@code zone}: every day of it, past and to come. */
    public static AnalyticsPeriod monthContaining(Instant now, ZoneId zone) {
        return new AnalyticsPeriod(DayRange.of(YearMonth.from(now.atZone(zone))), zone);
    }

    public LocalDate from() {
        return days.from();
    }

    public LocalDate to() {
        return days.to();
    }

    public Instant start() {
        return days.from().atStartOfDay(zone).toInstant();
    }

    /** Exclusive: the first instant of the day after {@code to}. */
    public Instant end() {
        return days.to().plusDays(1).atStartOfDay(zone).toInstant();
    }
}
