package com.callbackcloser.db;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Fixed-window hit counters in PostgreSQL, so every instance of the service draws on one budget per key. A hit
 * is a single upsert that returns the window's count; a key whose window has passed starts again at one.
 */
public final class RateLimitCounter {
    private final Jdbi jdbi;

    public RateLimitCounter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Counts one hit for the key in the window starting at {@code windowStart}; returns the hits so far. */
    public int hit(String key, Instant windowStart) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        INSERT INTO rate_limit_windows (key, window_start, hits) VALUES (:key, :windowStart, 1)
                        ON CONFLICT (key) DO UPDATE SET
                            hits = CASE WHEN rate_limit_windows.window_start = EXCLUDED.window_start
                                        THEN rate_limit_windows.hits + 1 ELSE 1 END,
                            window_start = EXCLUDED.window_start
                        RETURNING hits
                        """)
                .bind("key", key)
                .bind("windowStart", windowStart)
                .mapTo(Integer.class)
                .one());
    }

    /** Forgets windows that ended before {@code before}; keeps the table as small as the active clients. */
    public int forgetBefore(Instant before) {
        return jdbi.withHandle(
                handle -> handle.createUpdate("DELETE FROM rate_limit_windows WHERE window_start < :before")
                        .bind("before", before)
                        .execute());
    }
}
