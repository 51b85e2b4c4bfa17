package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.AnalyticsPeriod;
import com.callbackcloser.core.model.LeadAnalytics;
import com.callbackcloser.core.model.LeadFunnel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A business's lead funnel over days in its time zone (docs/API.md defines each number). Medians are seconds,
 * fractions included; the rate and the medians are null when there is nothing to measure, never a made-up 0.
 */
public record AnalyticsView(
        UUID businessId,
        LocalDate from,
        LocalDate to,
        String timeZone,
        Instant periodStart,
        Instant periodEnd,
        long missedCalls,
        long texted,
        long replied,
        long qualified,
        long completed,
        long booked,
        Double responseRate,
        Double medianSecondsToFirstText,
        Double medianSecondsToFirstReply) {

    public static AnalyticsView of(LeadAnalytics analytics) {
        AnalyticsPeriod period = analytics.period();
        LeadFunnel funnel = analytics.funnel();
        return new AnalyticsView(
                analytics.businessId(),
                period.from(),
                period.to(),
                period.zone().getId(),
                period.start(),
                period.end(),
                funnel.missedCalls(),
                funnel.texted(),
                funnel.replied(),
                funnel.qualified(),
                funnel.completed(),
                funnel.booked(),
                funnel.responseRate().orElse(null),
                seconds(funnel.medianToFirstText()),
                seconds(funnel.medianToFirstReply()));
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toNanos() / 1e9;
    }
}
