package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.core.port.in.IncomingCallDecision.ForwardToOwner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ForwardingCacheTest {
    private static final ForwardToOwner OWNER = new ForwardToOwner("+14155550199", 20, "+16285550100", false);
    private static final ForwardToOwner NEW_OWNER = new ForwardToOwner("+14155550177", 25, "+16285550100", true);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final ForwardingCache cache = new ForwardingCache(3, Duration.ofHours(1), clock);

    @Test
    void recallsWhatWasReadForEachNumberWithItsAge() {
        cache.remember("+16285550100", OWNER, clock.instant());
        cache.remember("+16285550101", NEW_OWNER, clock.instant());
        clock.advance(Duration.ofMinutes(10));

        assertThat(cache.recall("+16285550100")).hasValueSatisfying(recalled -> {
            assertThat(recalled.forward()).isEqualTo(OWNER);
            assertThat(recalled.age()).isEqualTo(Duration.ofMinutes(10));
        });
        assertThat(cache.recall("+16285550101").orElseThrow().forward()).isEqualTo(NEW_OWNER);
        assertThat(cache.recall("+16285550199")).isEmpty();
    }

    @Test
    void neverUsesSettingsReadLongerAgoThanTheBound() {
        cache.remember("+16285550100", OWNER, clock.instant());

        clock.advance(Duration.ofHours(1));
        assertThat(cache.recall("+16285550100")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.recall("+16285550100")).isEmpty();
    }

    @Test
    void holdsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        cache.remember("+16285550100", OWNER, clock.instant());
        cache.remember("+16285550101", OWNER, clock.instant());
        cache.remember("+16285550102", OWNER, clock.instant());
        cache.recall("+16285550100");
        cache.remember("+16285550103", OWNER, clock.instant());

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.recall("+16285550101")).isEmpty();
        assertThat(cache.recall("+16285550100")).isPresent();
        assertThat(cache.recall("+16285550103")).isPresent();
    }

    @Test
    void anOlderReadNeverReplacesANewerOne() {
        Instant refreshStarted = clock.instant();
        clock.advance(Duration.ofSeconds(2));
        cache.remember("+16285550100", NEW_OWNER, clock.instant());

        cache.remember("+16285550100", OWNER, refreshStarted);
        cache.forget("+16285550100", refreshStarted);

        assertThat(cache.recall("+16285550100").orElseThrow().forward()).isEqualTo(NEW_OWNER);
    }

    @Test
    void aNumberThatNoLongerBelongsToABusinessIsForgotten() {
        cache.remember("+16285550100", OWNER, clock.instant());
        clock.advance(Duration.ofSeconds(1));
        cache.forget("+16285550100", clock.instant());

        assertThat(cache.recall("+16285550100")).isEmpty();
    }

    @Test
    void refusesABoundThatCouldNeverHoldAnything() {
        assertThatThrownBy(() -> new ForwardingCache(0, Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForwardingCache(1, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
