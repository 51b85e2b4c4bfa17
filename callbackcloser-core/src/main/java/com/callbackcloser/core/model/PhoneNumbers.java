package com.callbackcloser.core.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;
import java.util.Set;

/**
 * Phone numbers as the old app stored them: E.164 with the US as the default region, and anything that
 * does not parse kept trimmed as given (so an odd caller ID is still recorded, never dropped).
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "US";
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
