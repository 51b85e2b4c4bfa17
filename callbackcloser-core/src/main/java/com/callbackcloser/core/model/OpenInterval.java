package com.callbackcloser.core.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stretch of a day when the business is open, in wall-clock minutes from midnight: opens inclusive, closes
 * exclusive. 24:00 closes at the end of the day, so 00:00-24:00 is the whole day; a night shift is two
 * intervals (22:00-24:00, then 00:00-02:00 on the next day), which keeps each day's hours about that day.
 */
public record OpenInterval(int opens, int closes) {
    public static final int END_OF_DAY = 24 * 60;
    private static final Pattern CLOCK = Pattern.compile("(\\d\\d):(\\d\\d)");

    public OpenInterval {
        if (opens < 0 || closes > END_OF_DAY || opens >= closes) {
            throw new InvalidInputException(
                    "hours",
                    "an interval opens before it closes, within 00:00-24:00: " + clock(opens) + "-" + clock(closes));
        }
    }

    /** From "HH:MM" texts; 24:00 is allowed as a closing time only. */
    public static OpenInterval parse(String field, String opens, String closes) {
        int from = minutes(field, opens);
        int to = minutes(field, closes);
        if (from >= to) {
            throw new InvalidInputException(field, "an interval opens before it closes: " + opens + "-" + closes);
        }
        return new OpenInterval(from, to);
    }

    /** Whether a wall-clock time (seconds from midnight) falls inside. */
    public boolean contains(int secondOfDay) {
        return secondOfDay >= opens * 60 && secondOfDay < closes * 60;
    }

    public boolean overlaps(OpenInterval other) {
        return opens < other.closes && other.opens < closes;
    }

    public String opensText() {
        return clock(opens);
    }

    public String closesText() {
        return clock(closes);
    }

    @Override
    public String toString() {
        return clock(opens) + "-" + clock(closes);
    }

    private static int minutes(String field, String text) {
        Matcher clock = CLOCK.matcher(text == null ? "" : text.strip());
        if (!clock.matches()) {
            throw new InvalidInputException(field, "a time is HH:MM, 00:00 to 24:00: " + text);
        }
        int hour = Integer.parseInt(clock.group(1));
        int minute = Integer.parseInt(clock.group(2));
        if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) {
            throw new InvalidInputException(field, "a time is HH:MM, 00:00 to 24:00: " + text);
        }
        return hour * 60 + minute;
    }

    private static String clock(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }
}
