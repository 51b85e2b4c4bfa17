package com.callbackcloser.core.model;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What an owner sets about a business, validated as the old app did: name 2 to 120 characters, phone numbers
 * that are real numbers (stored in E.164), missed-call seconds 5 to 90, labels 1 to 40 characters, a real
 * IANA time zone, and the timing of follow-ups and owner texts ({@link TextTiming}). A refused field is named in
 * the {@link InvalidInputException}.
 *
 * @param callScreening whether forwarded calls are screened with a "press 1" whisper; off unless the owner turns it
 *     on, since it changes what the owner hears on every call
 */
public record BusinessSettings(
        String name,
        String forwardingNumber,
        String notifyPhone,
        int missedCallSeconds,
        ServiceLabels serviceLabels,
        ZoneId timeZone,
        TextTiming textTiming,
        boolean callScreening) {

    public static final int MIN_NAME_LENGTH = 2;
    public static final int MAX_NAME_LENGTH = 120;

    public BusinessSettings {
        name = name == null ? null : name.strip();
        // Characters as the database counts them: "🔧" is one, not the two UTF-16 units Java's length() sees.
        if (name == null
                || name.codePointCount(0, name.length()) < MIN_NAME_LENGTH
                || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new InvalidInputException(
                    "name", "name has " + MIN_NAME_LENGTH + " to " + MAX_NAME_LENGTH + " characters");
        }
        if (Strings.hasForbiddenCharacter(name)) {
            throw new InvalidInputException("name", "name has no control characters or noncharacters");
        }
        forwardingNumber = phone("forwardingNumber", "forwarding number", forwardingNumber);
        notifyPhone =
                notifyPhone == null || notifyPhone.isBlank() ? null : phone("notifyPhone", "notify phone", notifyPhone);
        if (missedCallSeconds < Business.MIN_MISSED_CALL_SECONDS
                || missedCallSeconds > Business.MAX_MISSED_CALL_SECONDS) {
            throw new InvalidInputException(
                    "missedCallSeconds",
                    "missed-call seconds are " + Business.MIN_MISSED_CALL_SECONDS + " to "
                            + Business.MAX_MISSED_CALL_SECONDS);
        }
        Objects.requireNonNull(serviceLabels, "serviceLabels");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(textTiming, "textTiming");
    }

    /** Business defaults: 20 s, Repair / Install / Maintenance, New York, a follow-up after 2 h, no call screening. */
    public static BusinessSettings withDefaults(String name, String forwardingNumber, String notifyPhone) {
        return new BusinessSettings(
                name,
                forwardingNumber,
                notifyPhone,
                Business.DEFAULT_MISSED_CALL_SECONDS,
                ServiceLabels.DEFAULTS,
                Business.DEFAULT_TIME_ZONE,
                TextTiming.DEFAULTS,
                false);
    }

    public static BusinessSettings of(Business business) {
        return new BusinessSettings(
                business.name(),
                business.forwardingNumber(),
                business.notifyPhone(),
                business.missedCallSeconds(),
                business.serviceLabels(),
                business.timeZone(),
                business.textTiming(),
                business.callScreening());
    }

    /** An IANA region id such as America/Chicago; offsets ("+02:00") and abbreviations are refused. */
    public static ZoneId timeZone(String value) {
        if (value == null || !ZoneId.getAvailableZoneIds().contains(value.strip())) {
            throw new InvalidInputException("timeZone", "time zone must be an IANA zone such as America/Chicago");
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "time zone must be an IANA zone such as America/Chicago");
        }
    }

    static String phone(String field, String what, String raw) {
        if (!PhoneNumbers.isTextable(raw)) {
            throw new InvalidInputException(field, what + " is not a valid phone number: " + raw);
        }
        return PhoneNumbers.normalize(raw);
    }
}
