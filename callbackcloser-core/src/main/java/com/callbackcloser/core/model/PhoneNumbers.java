package com.callbackcloser.core.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers as the old app stored them: E.164 with the US as the default region, and anything that
 * does not parse kept trimmed as given (so an odd caller ID is still recorded, never dropped).
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "US";
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");
    /**
     * Twilio puts these in {@code From} when the caller withheld or has no caller ID
     * (anonymous, unknown, restricted, blocked); some of them parse as valid numbers abroad.
     */
    private static final Set<String> TWILIO_WITHHELD_CALLER_IDS =
            Set.of("+266696687", "+86282452253", "+8656696", "+7378742833", "+2562533");

    private PhoneNumbers() {}

    /** E.164 when the value parses as a possible number, else the trimmed input; null stays null. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return parse(trimmed)
                .filter(UTIL::isPossibleNumber)
                .map(number -> UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                .orElse(trimmed);
    }

    /**
     * Whether a text can be sent to this number at all. Withheld caller IDs arrive as "anonymous" or as
     * Twilio's placeholder numbers, which are not valid numbers; texting them only earns a Twilio error.
     */
    public static boolean isTextable(String number) {
        if (number == null || TWILIO_WITHHELD_CALLER_IDS.contains(normalize(number))) {
            return false;
        }
        return parse(number.strip()).filter(UTIL::isValidNumber).isPresent();
    }

    /** For logs: only the last four digits show ("***0123"), enough to tell callers apart, not to call them. */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replaceAll("\\D", "");
        return digits.length() <= 4 ? "***" : "***" + digits.substring(digits.length() - 4);
    }

    /**
     * Masks every phone-number-like run in a text (e.g. a provider's error message): ten digits or more, so
     * dates and error codes stay readable.
     */
    public static String maskAll(String text) {
        if (text == null) {
            return null;
        }
        return PHONE_LIKE
                .matcher(text)
                .replaceAll(match -> match.group().replaceAll("\\D", "").length() >= 10
                        ? mask(match.group())
                        : Matcher.quoteReplacement(match.group()));
    }

    private static Optional<Phonenumber.PhoneNumber> parse(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UTIL.parse(value, DEFAULT_REGION));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
