package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class UsagePeriodTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void marchInNewYorkStartsInWinterTimeAndEndsInSummerTime() {
        UsagePeriod march = UsagePeriod.monthContaining(Instant.parse("2026-03-15T12:00:00Z"), NEW_YORK);

        assertThat(march.start()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
        assertThat(march.end()).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
    }

    @Test
    void novemberInNewYorkStartsInSummerTimeAndEndsInWinterTime() {
        UsagePeriod november = UsagePeriod.monthContaining(Instant.parse("2026-11-01T06:30:00Z"), NEW_YORK);

        assertThat(november.start()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(november.end()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    }

    @Test
    void theInstantOfMidnightBelongsToTheNewMonthAndTheInstantBeforeToTheOld() {
        Instant midnight = Instant.parse("2026-03-01T05:00:00Z");

        assertThat(UsagePeriod.monthContaining(midnight, NEW_YORK).start()).isEqualTo(midnight);
        UsagePeriod february = UsagePeriod.monthContaining(midnight.minusNanos(1), NEW_YORK);
        assertThat(february.start()).isEqualTo(Instant.parse("2026-02-01T05:00:00Z"));
        assertThat(february.end()).isEqualTo(midnight);
        assertThat(february.contains(midnight)).isFalse();
        assertThat(february.contains(midnight.minusNanos(1))).isTrue();
    }

    @Test
    void aUtcEveningCanStillBeLastMonthInNewYork() {
        // 2026-04-01T03:59Z is 23:59 on March 31st in New York.
        assertThat(UsagePeriod.monthContaining(Instant.parse("2026-04-01T03:59:00Z"), NEW_YORK)
                        .start())
                .isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
    }
}
