package com.callbackcloser.api.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a property's tries ran into (statuses, decisions, outcomes), shown when one fails or covered too little,
 * so a failure says what the tries before it were like.
 */
public final class Tally {
    private static final int SHOWN_LENGTH = 2_000;

    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();

    /** One more of these values under the label, e.g. {@code collect("status", path, 200)}. */
    public void collect(String label, Object... values) {
        String key = Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(" "));
        counts.computeIfAbsent(label, l -> new TreeMap<>()).merge(key, 1, Integer::sum);
    }

    /** For {@link Property#requireCoverage}: whether this try did what the label says. */
    public void count(String label, boolean happened) {
        collect(label, happened);
    }

    double percentTrue(String label, int tries) {
        int hits = counts.getOrDefault(label, Map.of()).getOrDefault("true", 0);
        return Math.round(1000.0 * hits / tries) / 10.0;
    }

    @Override
    public String toString() {
        return counts.toString();
    }

    /** A value for a failure message: printable, and cut short when huge. */
    static String shown(Object value) {
        String text = String.valueOf(value);
        String cut = text.length() > SHOWN_LENGTH
                ? text.substring(0, SHOWN_LENGTH) + "… (" + text.length() + " chars)"
                : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.chars().forEach(c -> {
            if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append(String.format("\\u%04X", c));
            }
        });
        return out.toString();
    }
}
