package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AnalyticsPeriodTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void novemberInNewYorkStartsAtMidnightEdtAndEndsAtMidnightEst() {
        AnalyticsPeriod november = period("2026-11-01", "2026-11-30", NEW_YORK);

        assertThat(november.start()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(november.end()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    }

    @Test
    void theDayTheClocksGoBackIs25HoursAndTheDayTheyGoForwardIs23() {
        AnalyticsPeriod fallBack = period("2026-11-01", "2026-11-01", NEW_YORK);
        AnalyticsPeriod springForward = period("2026-03-08", "2026-03-08", NEW_YORK);

        assertThat(Duration.between(fallBack.start(), fallBack.end())).isEqualTo(Duration.ofHours(25));
        assertThat(Duration.between(springForward.start(), springForward.end())).isEqualTo(Duration.ofHours(23));
        assertThat(springForward.start()).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
        assertThat(springForward.end()).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
    }

    @Test
    void theSameDaysAreOtherInstantsInAnotherZone() {
        AnalyticsPeriod london = period("2026-11-01", "2026-11-30", ZoneId.of("Europe/London"));

        assertThat(london.start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(london.end()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void aDayWithoutAMidnightStartsAtItsFirstMoment() {
        // Havana moves its clocks from 00:00 to 01:00 on the second Sunday of March: 2026-03-08 has no midnight.
        AnalyticsPeriod day = period("2026-03-08", "2026-03-08", ZoneId.of("America/Havana"));

        assertThat(day.start()).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
        assertThat(Duration.between(day.start(), day.end())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void theCurrentMonthIsTheBusinessesMonthNotUtcs() {
        // 2026-12-01T03:30Z is still November 30th in New York.
        AnalyticsPeriod month = AnalyticsPeriod.monthContaining(Instant.parse("2026-12-01T03:30:00Z"), NEW_YORK);

        assertThat(month.from()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(month.to()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(month.end()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    }

    @Test
    void februaryOfALeapYearHas29Days() {
        AnalyticsPeriod month = AnalyticsPeriod.monthContaining(Instant.parse("2028-02-15T12:00:00Z"), NEW_YORK);

        assertThat(month.to()).isEqualTo(LocalDate.parse("2028-02-29"));
        assertThat(month.days().days()).isEqualTo(29);
    }

    private static AnalyticsPeriod period(String from, String to, ZoneId zone) {
        return new AnalyticsPeriod(new DayRange(LocalDate.parse(from), LocalDate.parse(to)), zone);
    }
}
