package com.callbackcloser.core.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * Where a phone probably is, for quiet hours: the time zone of its area code from libphonenumber's data. A
 * mobile number keeps its area code when its owner moves, so this is a guess, but the best one we have. When
 * the data names no zone, or several (area codes that straddle a zone line, toll-free and non-geographic
 * numbers), the business's own zone is used.
 */
public final class PhoneTimeZones {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper MAPPER = PhoneNumberToTimeZonesMapper.getInstance();

    private PhoneTimeZones() {}

    /** The zone of this number's area code if there is exactly one, else {@code fallback}. */
    public static ZoneId zoneOf(String phone, ZoneId fallback) {
        if (phone == null || phone.isBlank()) {
            return fallback;
        }
        Phonenumber.PhoneNumber number;
        try {
            number = UTIL.parse(phone.strip(), "US");
        } catch (NumberParseException e) {
            return fallback;
        }
        List<String> zones = MAPPER.getTimeZonesForNumber(number);
        if (zones.size() != 1
                || PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(zones.get(0))) {
            return fallback;
        }
        try {
            return ZoneId.of(zones.get(0));
        } catch (DateTimeException e) {
            // Data newer than this JDK's zone rules: a zone it does not know.
            return fallback;
        }
    }
}
