package com.callbackcloser.api.tasks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Task parameters, refused with a clear message when malformed. */
final class Parameters {
    private Parameters() {}

    static UUID uuid(Map<String, List<String>> parameters, String name) {
        String value = single(parameters, name);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be a UUID, not " + value, e);
        }
    }

    static Instant instant(Map<String, List<String>> parameters, String name) {
        String value = single(parameters, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-26T00:00:00Z", e);
        }
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? null
                : values.get(0).strip();
    }
}
