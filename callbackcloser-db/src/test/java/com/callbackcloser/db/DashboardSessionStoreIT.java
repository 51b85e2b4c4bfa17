package com.callbackcloser.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.db.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class DashboardSessionStoreIT {
    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
    private static final Duration IDLE = Duration.ofDays(7);

    private final Jdbi jdbi = TestDatabase.create().jdbi();
    private final DashboardSessionStore store = new DashboardSessionStore(jdbi);

    @Test
    void aSessionLastsUntilIdleTooLongExpiredOrRevoked() {
        byte[] token = hash("a");
        store.create(token, "owner_a", "DEVELOPMENT", NOW, NOW.plus(Duration.ofDays(30)));
        assertThat(store.findActive(token, NOW.plus(Duration.ofDays(6)), IDLE)).isPresent();
        assertThat(store.findActive(token, NOW.plus(Duration.ofDays(7)), IDLE))
                .as("idle 7 days")
                .isEmpty();

        store.touch(
                store.findActive(token, NOW.plus(Duration.ofDays(6)), IDLE)
                        .orElseThrow()
                        .id(),
                NOW.plus(Duration.ofDays(6)),
                Duration.ofMinutes(1));
        assertThat(store.findActive(token, NOW.plus(Duration.ofDays(12)), IDLE))
                .as("used on day 6")
                .isPresent();
        assertThat(store.findActive(token, NOW.plus(Duration.ofDays(30)), IDLE))
                .as("absolute timeout")
                .isEmpty();

        assertThat(store.revoke(token, NOW.plus(Duration.ofDays(8)))).isTrue();
        assertThat(store.findActive(token, NOW.plus(Duration.ofDays(8)), IDLE)).isEmpty();
        assertThat(store.revoke(token, NOW.plus(Duration.ofDays(8)))).as("once").isFalse();
    }

    @Test
    void touchingWritesAtMostOncePerResolution() {
        byte[] token = hash("b");
        var id = store.create(token, "owner_a", "OIDC", NOW, NOW.plus(Duration.ofDays(30)));
        store.touch(id, NOW.plusSeconds(30), Duration.ofMinutes(1));
        assertThat(store.findActive(token, NOW.plusSeconds(31), IDLE)
                        .orElseThrow()
                        .lastSeenAt())
                .isEqualTo(NOW);
        store.touch(id, NOW.plusSeconds(90), Duration.ofMinutes(1));
        assertThat(store.findActive(token, NOW.plusSeconds(91), IDLE)
                        .orElseThrow()
                        .lastSeenAt())
                .isEqualTo(NOW.plusSeconds(90));
    }

    @Test
    void aSignInStateWorksOnceEvenWhenTwoCallbacksRace() throws Exception {
        byte[] state = hash("state");
        store.startSignIn(state, "nonce", "verifier", "/leads/1", NOW, NOW.plus(Duration.ofMinutes(10)));
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Optional<DashboardSessionStore.PendingSignIn>>> takes = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            takes.add(pool.submit(() -> {
                start.await();
                return store.takeSignIn(state, NOW.plusSeconds(5));
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Optional<DashboardSessionStore.PendingSignIn>> take : takes) {
            Optional<DashboardSessionStore.PendingSignIn> taken = take.get();
            if (taken.isPresent()) {
                won++;
                assertThat(taken.get())
                        .isEqualTo(new DashboardSessionStore.PendingSignIn("nonce", "verifier", "/leads/1"));
            }
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
    }

    @Test
    void anExpiredSignInIsTakenAwayButNotHandedOver() {
        byte[] state = hash("late");
        store.startSignIn(state, "n", "v", "/leads", NOW, NOW.plus(Duration.ofMinutes(10)));
        assertThat(store.takeSignIn(state, NOW.plus(Duration.ofMinutes(11)))).isEmpty();
        int left = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM dashboard_sign_ins")
                .mapTo(Integer.class)
                .one());
        assertThat(left).isZero();
    }

    @Test
    void endedSessionsAndAbandonedSignInsArePurged() {
        store.create(hash("old"), "x", "OIDC", NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(10)));
        store.create(hash("live"), "x", "OIDC", NOW, NOW.plus(Duration.ofDays(30)));
        store.startSignIn(hash("s"), "n", "v", "/", NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(2)));
        assertThat(store.purge(NOW.minus(Duration.ofDays(1)))).isEqualTo(2);
        assertThat(store.findActive(hash("live"), NOW, IDLE)).isPresent();
    }

    private static byte[] hash(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
