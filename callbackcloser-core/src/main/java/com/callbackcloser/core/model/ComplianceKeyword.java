package com.callbackcloser.core.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The carrier-mandated keywords. Only the first word counts, upper-cased with everything but letters and
 * digits removed, so "stop.", "Stop please" and "STOP!!" opt out, while "don't stop" does not.
 */
public enum ComplianceKeyword {
    STOP(Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT")),
    START(Set.of("START", "YES", "UNSTOP")),
    HELP(Set.of("HELP"));

    @SuppressWarnings("ImmutableEnumChecker") // always a Set.of, which is immutable
    private final Set<String> words;

    ComplianceKeyword(Set<String> words) {
        this.words = words;
    }

    public static Optional<ComplianceKeyword> of(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String trimmed = body.strip();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
            end++;
        }
        String word = trimmed.substring(0, end).replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
        for (ComplianceKeyword keyword : values()) {
            if (keyword.words.contains(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }
}
