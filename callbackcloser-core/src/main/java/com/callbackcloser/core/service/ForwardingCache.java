package com.callbackcloser.core.service;

import com.callbackcloser.core.port.in.IncomingCallDecision.ForwardToOwner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The forwarding settings of the business numbers last read from the database, so that a call still rings the
 * owner while the database cannot be read, instead of the caller hearing an apology. One entry per business number
 * (E.164), at most {@code capacity} of them (the least recently used go first), each stamped with when it was read:
 * an entry read longer than {@code maxAge} ago is never used, which bounds how out of date a forwarded call can be
 * (an owner's change of forwarding number made during an outage, or less than {@code maxAge} before it).
 */
public final class ForwardingCache {
    private final int capacity;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Entry> entries;

    /** What was read for a number, and when. */
    private record Entry(ForwardToOwner forward, Instant readAt) {}

    /** Settings recalled from memory, with how long ago they were read. */
    public record Recalled(ForwardToOwner forward, Duration age) {}

    public ForwardingCache(int capacity, Duration maxAge, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        this.capacity = capacity;
        this.maxAge = maxAge;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > ForwardingCache.this.capacity;
            }
        };
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Remembers what was read for the number at {@code readAt}, unless what is remembered was read later (a slow
     * refresh must not put back what a call has just read anew).
     */
    public synchronized void remember(String number, ForwardToOwner forward, Instant readAt) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(forward, "forward");
        Entry known = entries.get(number);
        if (known == null || !known.readAt().isAfter(readAt)) {
            entries.put(number, new Entry(forward, readAt));
        }
    }

    /** The number belongs to no business any more (as of a read at {@code readAt}): nothing to forward to. */
    public synchronized void forget(String number, Instant readAt) {
        Entry known = entries.get(number);
        if (known != null && !known.readAt().isAfter(readAt)) {
            entries.remove(number);
        }
    }

    /** The settings last read for the number, if read within {@code maxAge}. */
    public synchronized Optional<Recalled> recall(String number) {
        Entry known = entries.get(number);
        if (known == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(known.readAt(), clock.instant());
        if (age.compareTo(maxAge) > 0) {
            entries.remove(number);
            return Optional.empty();
        }
        return Optional.of(new Recalled(known.forward(), age.isNegative() ? Duration.ZERO : age));
    }

    public synchronized int size() {
        return entries.size();
    }
}
