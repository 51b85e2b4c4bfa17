package com.callbackcloser.core.model;

import java.time.Duration;
import java.util.Optional;

/**
 * What became of a period's missed calls, stage by stage (docs/API.md defines each number). Every count is of
 * missed calls, so {@code replied <= texted <= missedCalls}; a median is null when nothing was measured.
 */
public record LeadFunnel(
        long missedCalls,
        long texted,
        long replied,
        long qualified,
        long completed,
        long booked,
        Duration medianToFirstText,
        Duration medianToFirstReply) {

    public LeadFunnel {
        if (missedCalls < 0 || qualified < 0 || completed < 0 || booked < 0) {
            throw new IllegalArgumentException("counts are not negative");
        }
        if (replied < 0 || replied > texted || texted > missedCalls) {
            throw new IllegalArgumentException(
                    "replied <= texted <= missed calls, got " + replied + ", " + texted + ", " + missedCalls);
        }
        if ((medianToFirstText == null) != (texted == 0) || (medianToFirstReply == null) != (replied == 0)) {
            throw new IllegalArgumentException("a median is there exactly when something was measured");
        }
    }

    public static LeadFunnel empty() {
        return new LeadFunnel(0, 0, 0, 0, 0, 0, null, null);
    }

    /** Replied per texted caller, 0 to 1; empty when nobody was texted (no rate, rather than a made-up 0). */
    public Optional<Double> responseRate() {
        return texted == 0 ? Optional.empty() : Optional.of((double) replied / texted);
    }
}
