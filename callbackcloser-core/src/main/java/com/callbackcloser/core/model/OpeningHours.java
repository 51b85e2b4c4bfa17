package com.callbackcloser.core.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * When a business is open: per weekday zero or more intervals (a day without any is closed), and dates that
 * replace their weekday's hours (a holiday with no intervals is closed all day, one with intervals has special
 * hours). A business without opening hours at all is always open; that is the absence of this value, not an
 * instance of it, so "closed every day" can still be said.
 *
 * <p>Hours are wall-clock times in the business's zone, and {@link #isOpen} reads the clock the way a person in
 * the shop would: on the spring-forward day 02:00-03:00 never happens, so an interval 02:30-04:00 opens at
 * 03:00; on the fall-back day 01:00-02:00 happens twice, and an interval covering it is open both times.
 */
public record OpeningHours(Map<DayOfWeek, List<OpenInterval>> weekly, Map<LocalDate, List<OpenInterval>> exceptions) {
    public static final int MAX_INTERVALS_PER_DAY = 6;
    /** A year of holidays and more; a longer list is a mistake or an abuse. */
    public static final int MAX_EXCEPTIONS = 400;

    public OpeningHours {
        Objects.requireNonNull(weekly, "weekly");
        Objects.requireNonNull(exceptions, "exceptions");
        Map<DayOfWeek, List<OpenInterval>> days = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, intervals) -> {
            List<OpenInterval> checked =
                    day("weekly", Objects.requireNonNull(day, "day").name().toLowerCase(Locale.ROOT), intervals);
            // A weekday without intervals is closed whether it is listed or not: one way to say it, so that
            // equal hours are equal values and the audit trail describes them alike.
            if (!checked.isEmpty()) {
                days.put(day, checked);
            }
        });
        if (exceptions.size() > MAX_EXCEPTIONS) {
            throw new InvalidInputException("exceptions", "at most " + MAX_EXCEPTIONS + " dates");
        }
        Map<LocalDate, List<OpenInterval>> dates = new TreeMap<>();
        exceptions.forEach((date, intervals) ->
                dates.put(Objects.requireNonNull(date, "date"), day("exceptions", date.toString(), intervals)));
        weekly = Collections.unmodifiableMap(days);
        exceptions = Collections.unmodifiableMap(dates);
    }

    /** The intervals of one calendar date: its exception when it has one, else its weekday's. */
    public List<OpenInterval> on(LocalDate date) {
        List<OpenInterval> special = exceptions.get(date);
        return special != null ? special : weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** Whether the business is open at this instant, read on the wall clock of {@code zone}. */
    public boolean isOpen(Instant instant, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        int second = local.toLocalTime().toSecondOfDay();
        return on(local.toLocalDate()).stream().anyMatch(interval -> interval.contains(second));
    }

    /** One line for the audit trail: "monday 08:00-17:00; … 2026-12-25 closed" (unlisted weekdays are closed). */
    public String describe() {
        List<String> parts = new ArrayList<>();
        weekly.forEach((day, intervals) -> parts.add(day.name().toLowerCase(Locale.ROOT) + " " + list(intervals)));
        exceptions.forEach((date, intervals) -> parts.add(date + " " + list(intervals)));
        return parts.isEmpty() ? "closed" : String.join("; ", parts);
    }

    private static String list(List<OpenInterval> intervals) {
        return intervals.isEmpty()
                ? "closed"
                : intervals.stream().map(OpenInterval::toString).collect(Collectors.joining(", "));
    }

    /** A day's intervals in order; overlapping ones are refused (touching ones, 08:00-12:00 and 12:00-17:00, are fine). */
    private static List<OpenInterval> day(String field, String which, List<OpenInterval> intervals) {
        List<OpenInterval> sorted = new ArrayList<>(intervals == null ? List.of() : intervals);
        if (sorted.contains(null)) {
            throw new InvalidInputException(field, which + ": an interval is missing");
        }
        if (sorted.size() > MAX_INTERVALS_PER_DAY) {
            throw new InvalidInputException(field, which + ": at most " + MAX_INTERVALS_PER_DAY + " intervals a day");
        }
        sorted.sort(Comparator.comparingInt(OpenInterval::opens));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new InvalidInputException(
                        field, which + ": " + sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
            }
        }
        return List.copyOf(sorted);
    }
}
