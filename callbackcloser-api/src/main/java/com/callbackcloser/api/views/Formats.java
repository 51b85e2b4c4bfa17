package com.callbackcloser.api.views;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times and phone numbers as an owner reads them: in the business's time zone, short in lists ("2:41 pm",
 * "Yesterday 9:05 am", "Mon 3 Nov"), whole on a lead ("Mon 3 Nov 2026, 2:41 pm"); US numbers as dialled at home,
 * others in international form.
 */
final class Formats {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.US);
    private static final DateTimeFormatter DAY_WITH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mm a", Locale.US);

    private final ZoneId zone;
    private final Clock clock;

    Formats(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    ZoneId zone() {
        return zone;
    }

    /** For a list: the time today, "Yesterday" and a weekday this week, the date before. */
    String when(Instant at) {
        if (at == null) {
            return "";
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = local.toLocalDate();
        String time = time(local);
        if (day.equals(today)) {
            return time;
        }
        if (day.equals(today.minusDays(1))) {
            return "Yesterday " + time;
        }
        if (day.isAfter(today.minusDays(7)) && !day.isAfter(today)) {
            return WEEKDAY.format(local) + " " + time;
        }
        return day.getYear() == today.getYear() ? DAY.format(local) : DAY_WITH_YEAR.format(local);
    }

    /** For a lead's page: the whole date and time. */
    String full(Instant at) {
        return at == null
                ? ""
                : FULL.format(at.atZone(zone)).replace("AM", "am").replace("PM", "pm");
    }

    /** How long ago, roughly ("just now", "5 min ago", "3 h ago"), for screen readers and tooltips. */
    String ago(Instant at) {
        if (at == null) {
            return "";
        }
        Duration age = Duration.between(at, clock.instant());
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        return age.toDays() == 1 ? "1 day ago" : age.toDays() + " days ago";
    }

    static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** "(415) 555-0123" for a US number, "+44 20 7183 8750" for others, as given when it is not a number. */
    static String phone(String number) {
        if (number == null || number.isBlank()) {
            return "";
        }
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(number, "US");
            if (!PHONES.isValidNumber(parsed)) {
                return number;
            }
            return parsed.getCountryCode() == 1
                    ? PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.NATIONAL)
                    : PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return number;
        }
    }

    private static String time(ZonedDateTime local) {
        return TIME.format(local).replace("AM", "am").replace("PM", "pm");
    }
}
