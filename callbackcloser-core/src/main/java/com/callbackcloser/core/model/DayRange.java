package com.callbackcloser.core.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Calendar days, {@code from} to {@code to}, both included: "2026-11-01 to 2026-11-30" is November, as a person
 * says it. At most {@value #MAX_DAYS} days, so a whole leap year fits and a report never scans years of rows.
 */
public record DayRange(LocalDate from, LocalDate to) {
    public static final int MAX_DAYS = 366;
    /** Bounds that keep every day, and the day after it, a timestamp PostgreSQL and the JDBC driver both take. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    public DayRange {
        requireInBounds(from, "from");
        requireInBounds(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidQueryException("to", "to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidQueryException("to", "a period is at most " + MAX_DAYS + " days, from and to included");
        }
    }

    public static DayRange of(YearMonth month) {
        return new DayRange(month.atDay(1), month.atEndOfMonth());
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static void requireInBounds(LocalDate day, String parameter) {
        Objects.requireNonNull(day, parameter);
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw new InvalidQueryException(parameter, parameter + " is a day from " + EARLIEST + " to " + LATEST);
        }
    }
}
