package com.callbackcloser.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertThrottleTest {
    private static final Instant T0 = Instant.parse("2026-12-04T18:00:00Z");

    @Test
    void aFloodOfOneErrorIsOneAlertAMinuteEachSayingHowManyItStandsFor() {
        AlertThrottle throttle = new AlertThrottle(Duration.ofMinutes(1), 1_000);
        List<AlertThrottle.Release> sent = new ArrayList<>();

        // 10 errors a second for three minutes, and the sender looking every second.
        for (int second = 0; second < 180; second++) {
            Instant now = T0.plusSeconds(second);
            for (int i = 0; i < 10; i++) {
                throttle.admit(alert("db", "attempt {}"), now).ifPresent(sent::add);
            }
            sent.addAll(throttle.closeExpired(now));
        }

        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).suppressed()).isZero();
        // Each later one (a summary, or the first error of the next minute when it beats the sender to it) says
        // how many were held back in the minute before it.
        assertThat(sent.subList(1, 3))
                .allSatisfy(next -> assertThat(next.suppressed()).isBetween(590L, 610L));
        long accounted = sent.stream()
                .mapToLong(r -> r.summary() ? r.suppressed() : 1 + r.suppressed())
                .sum();
        assertThat(accounted + heldBackInTheOpenWindow(throttle)).isEqualTo(1_800);
    }

    @Test
    void memoryIsBoundedByTheNumberOfErrorsTrackedAndWhatIsEvictedIsStillReported() {
        AlertThrottle throttle = new AlertThrottle(Duration.ofMinutes(1), 100);
        throttle.admit(alert("first", "x"), T0);
        throttle.admit(alert("first", "x"), T0);

        for (int i = 0; i < 10_000; i++) {
            throttle.admit(alert("logger" + i, "message"), T0.plusMillis(i));
        }

        assertThat(throttle.tracked()).isEqualTo(100);
        List<AlertThrottle.Release> summaries = throttle.closeExpired(T0.plusMillis(10_000));
        assertThat(summaries).singleElement().satisfies(summary -> {
            assertThat(summary.alert().logger()).isEqualTo("first");
            assertThat(summary.suppressed()).isEqualTo(1);
        });
    }

    @Test
    void differentErrorsDoNotHoldEachOtherBack() {
        AlertThrottle throttle = new AlertThrottle(Duration.ofMinutes(1), 1_000);

        assertThat(throttle.admit(alert("a", "one"), T0)).isPresent();
        assertThat(throttle.admit(alert("b", "one"), T0)).isPresent();
        assertThat(throttle.admit(alert("a", "two"), T0)).isPresent();
        assertThat(throttle.admit(alert("a", "one"), T0)).isEmpty();
    }

    private static long heldBackInTheOpenWindow(AlertThrottle throttle) {
        return throttle.closeExpired(T0.plus(Duration.ofDays(1))).stream()
                .mapToLong(AlertThrottle.Release::suppressed)
                .sum();
    }

    private static Alert alert(String logger, String template) {
        return new Alert(Alert.fingerprint(logger, null, template), "ERROR", logger, template + "!", null, null, T0);
    }
}
