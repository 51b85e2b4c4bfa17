package com.callbackcloser.core.model;

import java.util.Locale;
import java.util.Map;

/**
 * Twilio's message statuses in the order a message moves through them. Status callbacks can arrive out of
 * order (a late "sent" after "delivered"); a stored status only ever moves forward.
 */
public final class ProviderStatus {
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("accepted", 0),
            Map.entry("scheduled", 0),
            Map.entry("queued", 1),
            Map.entry("sending", 2),
            Map.entry("sent", 3),
            Map.entry("delivered", 4),
            Map.entry("undelivered", 4),
            Map.entry("failed", 4),
            Map.entry("canceled", 4),
            Map.entry("partially_delivered", 4),
            Map.entry("read", 5));

    private ProviderStatus() {}

    /** Whether {@code next} may replace {@code current}: only a later step does, never an equal or earlier one. */
    public static boolean isAdvance(String current, String next) {
        if (next == null) {
            return false;
        }
        if (current == null) {
            return true;
        }
        Integer from = RANK.get(current.toLowerCase(Locale.ROOT));
        Integer to = RANK.get(next.toLowerCase(Locale.ROOT));
        return to != null && (from == null || to > from);
    }
}
