package com.callbackcloser.api.metrics;

import com.codahale.metrics.MetricRegistry;

/**
 * Counts every decision the service takes, per source ({@code twilio.status}, {@code twilio.sms}, {@code outbox},
 * …): texted, suppressed by opt-out, gated by billing or quota, duplicates. Named
 * {@code callbackcloser.decisions.<source>.<decision>}; on the admin port as JSON and in Prometheus format.
 */
public final class Decisions {
    private final MetricRegistry metrics;

    public Decisions(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    public void count(String source, String decision) {
        metrics.counter(MetricRegistry.name("callbackcloser.decisions", source, decision))
                .inc();
    }
}
