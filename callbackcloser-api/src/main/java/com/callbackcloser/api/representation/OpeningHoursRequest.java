package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.OpenInterval;
import com.callbackcloser.core.model.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opening hours to store in place of the current ones: {@code weekly} by day name (monday … sunday; a day left
 * out or with no intervals is closed) and {@code exceptions}, dates with hours of their own.
 */
public record OpeningHoursRequest(Map<String, List<OpenIntervalBody>> weekly, List<DateHoursBody> exceptions) {

    public OpeningHours toHours() {
        if (weekly == null) {
            throw new InvalidInputException("weekly", "weekly hours are required (a day left out is closed)");
        }
        Map<DayOfWeek, List<OpenInterval>> days = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((name, intervals) -> {
            DayOfWeek day = day(name);
            days.put(day, intervals("weekly", intervals));
        });
        Map<LocalDate, List<OpenInterval>> dates = new HashMap<>();
        for (DateHoursBody exception : exceptions == null ? List.<DateHoursBody>of() : exceptions) {
            if (exception == null) {
                throw new InvalidInputException("exceptions", "an exception is {date, hours}");
            }
            LocalDate date = date(exception.date());
            if (dates.put(date, intervals("exceptions", exception.hours())) != null) {
                throw new InvalidInputException("exceptions", date + " is given twice");
            }
        }
        return new OpeningHours(days, dates);
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("weekly", "weekly days are monday to sunday, not " + name);
        }
    }

    /** ISO dates that exist: 2026-02-30 is refused, not moved to March. */
    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("exceptions", "a date is a real YYYY-MM-DD date, not " + text);
        }
    }

    private static List<OpenInterval> intervals(String field, List<OpenIntervalBody> bodies) {
        List<OpenInterval> intervals = new ArrayList<>();
        for (OpenIntervalBody body : bodies == null ? List.<OpenIntervalBody>of() : bodies) {
            if (body == null) {
                throw new InvalidInputException(field, "an interval is {opens, closes}");
            }
            intervals.add(body.toInterval(field));
        }
        return intervals;
    }
}
