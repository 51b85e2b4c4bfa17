package com.callbackcloser.api.ratelimit;

import com.callbackcloser.api.config.RateLimitConfiguration;
import com.callbackcloser.db.DatabaseErrors;
import com.callbackcloser.db.RateLimitCounter;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits on counters in PostgreSQL, shared by every instance. When the database cannot count, requests
 * are let through (the request itself will tell whether the database is really gone): a limiter must not
 * become the outage.
 */
public final class SharedRateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(SharedRateLimiter.class);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final RateLimitCounter counter;
    private final boolean enabled;
    private final Clock clock;
    private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);

    public SharedRateLimiter(RateLimitCounter counter, boolean enabled, Clock clock) {
        this.counter = counter;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** Counts a hit for the key; a 429 answer when it is over the rule's budget. */
    public Optional<Response> hit(String key, RateLimitConfiguration.Rule rule) {
        if (!enabled) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long windowMillis = rule.getWindow().toMilliseconds();
        Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        int hits;
        try {
            hits = counter.hit(key, windowStart);
            forgetOldWindows(now);
        } catch (RuntimeException e) {
            LOG.warn("event=rate-limit decision=allowed reason=\"cannot count: {}\"", DatabaseErrors.describe(e));
            return Optional.empty();
        }
        if (hits <= rule.getLimit()) {
            return Optional.empty();
        }
        Instant reset = windowStart.plusMillis(windowMillis);
        long retryAfter = Math.max(1, Duration.between(now, reset).toSeconds() + 1);
        LOG.warn("event=rate-limit decision=throttled key={} hits={} limit={}", key, hits, rule.getLimit());
        return Optional.of(Response.status(429)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", retryAfter)
                .header("X-RateLimit-Limit", rule.getLimit())
                .header("X-RateLimit-Remaining", 0)
                .header("X-RateLimit-Reset", reset.getEpochSecond())
                .entity(new ErrorMessage(429, "Too many requests; retry after " + retryAfter + " s"))
                .build());
    }

    /** Every few minutes one instance drops counters nobody has touched for an hour. */
    private void forgetOldWindows(Instant now) {
        Instant last = lastCleanup.get();
        if (Duration.between(last, now).compareTo(Duration.ofMinutes(5)) > 0 && lastCleanup.compareAndSet(last, now)) {
            counter.forgetBefore(now.minus(FORGET_AFTER));
        }
    }
}
