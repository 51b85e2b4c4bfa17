package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 8:00 to 21:00 in the recipient's zone, on ordinary days and on the two days New York changes its clocks. */
class QuietHoursTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // An ordinary summer day (EDT, UTC-4): inside the window nothing moves.
                "2026-06-10T16:00:00Z|12:00 EDT|2026-06-10T16:00:00Z",
                "2026-06-10T12:00:00Z|8:00 EDT, the window opens|2026-06-10T12:00:00Z",
                "2026-06-10T11:59:59.999999999Z|7:59:59.999 EDT|2026-06-10T12:00:00Z",
                "2026-06-11T00:59:59.999999999Z|20:59:59.999 EDT|2026-06-11T00:59:59.999999999Z",
                "2026-06-11T01:00:00Z|21:00 EDT, the window has closed|2026-06-11T12:00:00Z",
                "2026-06-11T04:00:00Z|midnight EDT|2026-06-11T12:00:00Z",
                // An ordinary winter day (EST, UTC-5).
                "2026-01-15T02:00:00Z|21:00 EST|2026-01-15T13:00:00Z",
                "2026-01-15T12:59:00Z|7:59 EST|2026-01-15T13:00:00Z",
                // Spring forward, Sunday 8 March 2026: 2:00 EST becomes 3:00 EDT; 8:00 that morning is EDT.
                "2026-03-08T02:30:00Z|21:30 EST on the Saturday|2026-03-08T12:00:00Z",
                "2026-03-08T06:59:59Z|1:59:59 EST, the last second before the jump|2026-03-08T12:00:00Z",
                "2026-03-08T07:00:00Z|3:00 EDT, the first second after it|2026-03-08T12:00:00Z",
                "2026-03-09T00:59:00Z|20:59 EDT on the Sunday|2026-03-09T00:59:00Z",
                "2026-03-09T01:00:00Z|21:00 EDT on the Sunday|2026-03-09T12:00:00Z",
                // Fall back, Sunday 1 November 2026: 2:00 EDT becomes 1:00 EST; 8:00 that morning is EST.
                "2026-11-01T01:00:00Z|21:00 EDT on the Saturday|2026-11-01T13:00:00Z",
                "2026-11-01T05:30:00Z|the first 1:30, EDT|2026-11-01T13:00:00Z",
                "2026-11-01T06:30:00Z|the second 1:30, EST|2026-11-01T13:00:00Z",
                "2026-11-01T12:59:59Z|7:59:59 EST|2026-11-01T13:00:00Z",
                "2026-11-01T13:00:00Z|8:00 EST|2026-11-01T13:00:00Z",
                "2026-11-02T01:59:00Z|20:59 EST on the Sunday|2026-11-02T01:59:00Z",
                "2026-11-02T02:00:00Z|21:00 EST on the Sunday|2026-11-02T13:00:00Z"
            })
    void aTimeOutsideEightToNineInNewYorkMovesToTheNextEightOClock(String at, String local, String expected) {
        Instant instant = Instant.parse(at);

        assertThat(QuietHours.earliestSendAt(instant, NEW_YORK)).isEqualTo(Instant.parse(expected));
        assertThat(QuietHours.earliestSendAt(Clock.fixed(instant, NEW_YORK))).isEqualTo(Instant.parse(expected));
        assertThat(QuietHours.allows(instant, NEW_YORK)).isEqualTo(at.equals(expected));
    }

    @Test
    void theWindowIsTheRecipientsNotTheServers() {
        // 22:30 in New York is 19:30 in Los Angeles: a text to a 415 number may go.
        Instant lateInNewYork = Instant.parse("2026-06-11T02:30:00Z");

        assertThat(QuietHours.earliestSendAt(lateInNewYork, ZoneId.of("America/Los_Angeles")))
                .isEqualTo(lateInNewYork);
        assertThat(QuietHours.earliestSendAt(lateInNewYork, NEW_YORK)).isEqualTo(Instant.parse("2026-06-11T12:00:00Z"));
    }

    @Test
    void theWindowIsThirteenHoursOnBothDaysTheClocksChange() {
        for (String day : new String[] {"2026-03-08", "2026-11-01"}) {
            Instant opens = QuietHours.earliestSendAt(Instant.parse(day + "T04:00:00Z"), NEW_YORK);
            Instant closes = opens.plusSeconds(13 * 3600);

            assertThat(QuietHours.allows(closes.minusNanos(1), NEW_YORK))
                    .as(day)
                    .isTrue();
            assertThat(QuietHours.allows(closes, NEW_YORK)).as(day).isFalse();
        }
    }
}
