package com.callbackcloser.core.model;

/** Text as it arrives: webhook fields absent, empty or padded (treated alike), and names typed by people. */
public final class Strings {
    private Strings() {}

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public static String trimToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    /**
     * Whether the text holds a character no name needs and that breaks what stores or quotes it: a control
     * character (NUL, which PostgreSQL cannot store, among them), a noncharacter such as U+FFFE, or half of a
     * surrogate pair. XML allows none of the last two, and TwiML quotes a business's name.
     */
    public static boolean hasForbiddenCharacter(String value) {
        return value != null
                && value.codePoints()
                        .anyMatch(c -> Character.isISOControl(c)
                                || Character.getType(c) == Character.SURROGATE
                                || (c & 0xfffe) == 0xfffe
                                || (c >= 0xfdd0 && c <= 0xfdef));
    }
}
