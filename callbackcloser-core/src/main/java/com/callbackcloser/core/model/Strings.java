package com.callbackcloser.core.model;

/** Webhook fields arrive as absent, empty or padded; these treat all three alike. */
public final class Strings {
    private Strings() {}

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public static String trimToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
