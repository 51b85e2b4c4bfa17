package com.callbackcloser.core.model.legacy;

import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.PhoneNumbers;
import com.callbackcloser.core.model.Strings;
import java.util.Locale;

/** How an old column's value becomes ours, where every table needs the same. */
final class LegacyValues {
    private LegacyValues() {}

    /**
     * Our form of a number the old app kept raw and normalised: the raw value run through our rules (what this
     * service computes from the same webhook field), else the old normalised one; unparseable stays as given.
     */
    static String phone(String raw, String oldNormalized) {
        String source = Strings.isBlank(raw) ? oldNormalized : raw;
        String ours = PhoneNumbers.normalize(source);
        return ours == null ? "" : ours;
    }

    /** One of the old app's enum values as ours: the names are the same, so anything else is refused. */
    static <E extends Enum<E>> E enumValue(String column, String value, Class<E> type) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        throw new InvalidInputException(
                column,
                column + " " + (value == null ? "is missing" : "'" + value + "'")
                        + " is not one of the old app's values");
    }
}
