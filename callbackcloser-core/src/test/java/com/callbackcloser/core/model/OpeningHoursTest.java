package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final List<OpenInterval> NINE_TO_FIVE = List.of(interval("09:00", "17:00"));

    @Test
    void openInsideAnIntervalClosedOutsideItAndOnDaysWithoutOne() {
        OpeningHours hours = weekdays(List.of(interval("08:00", "12:00"), interval("13:00", "17:00")));

        // Wednesday 2026-03-04, EST (UTC-5)
        assertThat(hours.isOpen(Instant.parse("2026-03-04T13:00:00Z"), NEW_YORK))
                .isTrue(); // 08:00
        assertThat(hours.isOpen(Instant.parse("2026-03-04T12:59:59Z"), NEW_YORK))
                .isFalse(); // 07:59:59
        assertThat(hours.isOpen(Instant.parse("2026-03-04T17:30:00Z"), NEW_YORK))
                .isFalse(); // lunch 12:30
        assertThat(hours.isOpen(Instant.parse("2026-03-04T21:59:59Z"), NEW_YORK))
                .isTrue(); // 16:59:59
        assertThat(hours.isOpen(Instant.parse("2026-03-04T22:00:00Z"), NEW_YORK))
                .isFalse(); // 17:00 closes
        // Saturday 2026-03-07 at noon
        assertThat(hours.isOpen(Instant.parse("2026-03-07T17:00:00Z"), NEW_YORK))
                .isFalse();
    }

    @Test
    void theSameInstantIsReadOnTheBusinessesOwnClock() {
        OpeningHours hours = weekdays(NINE_TO_FIVE);
        Instant instant = Instant.parse("2026-03-04T15:00:00Z"); // 10:00 in New York, 07:00 in Los Angeles

        assertThat(hours.isOpen(instant, NEW_YORK)).isTrue();
        assertThat(hours.isOpen(instant, ZoneId.of("America/Los_Angeles"))).isFalse();
    }

    @Test
    void springForwardSkips0200To0300SoAnIntervalCrossingTheGapOpensAt0300() {
        // Sunday 2026-03-08: at 02:00 EST the clocks jump to 03:00 EDT (07:00Z).
        OpeningHours hours = new OpeningHours(
                Map.of(DayOfWeek.SUNDAY, List.of(interval("01:00", "01:30"), interval("02:30", "04:00"))), Map.of());

        assertThat(hours.isOpen(Instant.parse("2026-03-08T06:15:00Z"), NEW_YORK))
                .isTrue(); // 01:15 EST
        assertThat(hours.isOpen(Instant.parse("2026-03-08T06:45:00Z"), NEW_YORK))
                .isFalse(); // 01:45 EST
        assertThat(hours.isOpen(Instant.parse("2026-03-08T06:59:59Z"), NEW_YORK))
                .isFalse(); // 01:59:59 EST
        assertThat(hours.isOpen(Instant.parse("2026-03-08T07:00:00Z"), NEW_YORK))
                .isTrue(); // 03:00 EDT
        assertThat(hours.isOpen(Instant.parse("2026-03-08T07:59:59Z"), NEW_YORK))
                .isTrue(); // 03:59:59 EDT
        assertThat(hours.isOpen(Instant.parse("2026-03-08T08:00:00Z"), NEW_YORK))
                .isFalse(); // 04:00 EDT
    }

    @Test
    void anIntervalInsideTheSpringForwardGapNeverOpens() {
        OpeningHours hours = new OpeningHours(Map.of(DayOfWeek.SUNDAY, List.of(interval("02:00", "03:00"))), Map.of());

        for (Instant instant = Instant.parse("2026-03-08T05:00:00Z");
                instant.isBefore(Instant.parse("2026-03-08T10:00:00Z"));
                instant = instant.plusSeconds(60)) {
            assertThat(hours.isOpen(instant, NEW_YORK)).as(instant.toString()).isFalse();
        }
    }

    @Test
    void fallBackRepeats0100To0200AndAnIntervalCoveringItIsOpenBothTimes() {
        // Sunday 2026-11-01: at 02:00 EDT the clocks go back to 01:00 EST (06:00Z).
        OpeningHours hours = new OpeningHours(Map.of(DayOfWeek.SUNDAY, List.of(interval("01:00", "01:30"))), Map.of());

        assertThat(hours.isOpen(Instant.parse("2026-11-01T04:59:59Z"), NEW_YORK))
                .isFalse(); // 00:59:59 EDT
        assertThat(hours.isOpen(Instant.parse("2026-11-01T05:15:00Z"), NEW_YORK))
                .isTrue(); // 01:15 EDT
        assertThat(hours.isOpen(Instant.parse("2026-11-01T05:45:00Z"), NEW_YORK))
                .isFalse(); // 01:45 EDT
        assertThat(hours.isOpen(Instant.parse("2026-11-01T06:15:00Z"), NEW_YORK))
                .isTrue(); // 01:15 EST, again
        assertThat(hours.isOpen(Instant.parse("2026-11-01T06:30:00Z"), NEW_YORK))
                .isFalse(); // 01:30 EST
    }

    @Test
    void anIntervalCrossingTheFallBackHourLastsAnHourLongerThanOnTheClock() {
        OpeningHours hours = new OpeningHours(Map.of(DayOfWeek.SUNDAY, List.of(interval("00:30", "02:30"))), Map.of());
        int openMinutes = 0;
        for (Instant instant = Instant.parse("2026-11-01T03:00:00Z");
                instant.isBefore(Instant.parse("2026-11-01T10:00:00Z"));
                instant = instant.plusSeconds(60)) {
            openMinutes += hours.isOpen(instant, NEW_YORK) ? 1 : 0;
        }
        assertThat(openMinutes).isEqualTo(180);
    }

    @Test
    void aWholeDayIsMidnightToMidnightAndTheNextDayStartsFresh() {
        OpeningHours hours = new OpeningHours(
                Map.of(DayOfWeek.FRIDAY, List.of(interval("00:00", "24:00")), DayOfWeek.SATURDAY, List.of()), Map.of());

        assertThat(hours.isOpen(Instant.parse("2026-03-06T05:00:00Z"), NEW_YORK))
                .isTrue(); // Fri 00:00
        assertThat(hours.isOpen(Instant.parse("2026-03-07T04:59:59Z"), NEW_YORK))
                .isTrue(); // Fri 23:59:59
        assertThat(hours.isOpen(Instant.parse("2026-03-07T05:00:00Z"), NEW_YORK))
                .isFalse(); // Sat 00:00
        assertThat(hours.isOpen(Instant.parse("2026-03-06T04:59:59Z"), NEW_YORK))
                .isFalse(); // Thu 23:59:59
    }

    @Test
    void aNightShiftIsTwoIntervalsOneEachSideOfMidnight() {
        OpeningHours hours = new OpeningHours(
                Map.of(
                        DayOfWeek.FRIDAY, List.of(interval("22:00", "24:00")),
                        DayOfWeek.SATURDAY, List.of(interval("00:00", "02:00"))),
                Map.of());

        assertThat(hours.isOpen(Instant.parse("2026-03-07T04:30:00Z"), NEW_YORK))
                .isTrue(); // Fri 23:30
        assertThat(hours.isOpen(Instant.parse("2026-03-07T05:00:00Z"), NEW_YORK))
                .isTrue(); // Sat 00:00
        assertThat(hours.isOpen(Instant.parse("2026-03-07T06:59:59Z"), NEW_YORK))
                .isTrue(); // Sat 01:59:59
        assertThat(hours.isOpen(Instant.parse("2026-03-07T07:00:00Z"), NEW_YORK))
                .isFalse(); // Sat 02:00
    }

    @Test
    void aHolidayClosesItsWholeDayAndOnlyThatDay() {
        OpeningHours hours = new OpeningHours(
                Map.of(DayOfWeek.FRIDAY, NINE_TO_FIVE, DayOfWeek.THURSDAY, NINE_TO_FIVE),
                Map.of(LocalDate.of(2026, 12, 25), List.of()));

        assertThat(hours.isOpen(Instant.parse("2026-12-25T15:00:00Z"), NEW_YORK))
                .isFalse(); // Fri 10:00
        assertThat(hours.isOpen(Instant.parse("2026-12-24T15:00:00Z"), NEW_YORK))
                .isTrue(); // Thu 10:00
        assertThat(hours.isOpen(Instant.parse("2027-01-01T15:00:00Z"), NEW_YORK))
                .isTrue(); // next Fri
    }

    @Test
    void aDateWithSpecialHoursReplacesItsWeekdayEvenOnAClosedDay() {
        OpeningHours hours = new OpeningHours(
                Map.of(DayOfWeek.THURSDAY, NINE_TO_FIVE),
                Map.of(
                        LocalDate.of(2026, 12, 24), List.of(interval("09:00", "12:00")),
                        LocalDate.of(2026, 12, 27), List.of(interval("10:00", "14:00")))); // a Sunday

        assertThat(hours.isOpen(Instant.parse("2026-12-24T16:00:00Z"), NEW_YORK))
                .isTrue(); // 11:00
        assertThat(hours.isOpen(Instant.parse("2026-12-24T18:00:00Z"), NEW_YORK))
                .isFalse(); // 13:00
        assertThat(hours.isOpen(Instant.parse("2026-12-27T16:00:00Z"), NEW_YORK))
                .isTrue(); // Sun 11:00
    }

    @Test
    void aHolidayIsTheBusinessesLocalDateNotUtcs() {
        OpeningHours hours = new OpeningHours(
                Map.of(
                        DayOfWeek.WEDNESDAY, List.of(interval("00:00", "24:00")),
                        DayOfWeek.THURSDAY, List.of(interval("00:00", "24:00"))),
                Map.of(LocalDate.of(2026, 12, 31), List.of()));

        // 2026-12-31 20:00 in New York is already 2027-01-01 in UTC: still the holiday.
        assertThat(hours.isOpen(Instant.parse("2027-01-01T01:00:00Z"), NEW_YORK))
                .isFalse();
        // 2026-12-31 03:00 UTC is still Wednesday the 30th, 22:00, in New York: open.
        assertThat(hours.isOpen(Instant.parse("2026-12-31T03:00:00Z"), NEW_YORK))
                .isTrue();
    }

    @Test
    void overlappingIntervalsAreRefusedTouchingOnesAreFineAndOrderDoesNotMatter() {
        assertThatThrownBy(() -> weekdays(List.of(interval("08:00", "12:00"), interval("11:59", "17:00"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("08:00-12:00 and 11:59-17:00 overlap");
        OpeningHours touching = weekdays(List.of(interval("12:00", "17:00"), interval("08:00", "12:00")));
        assertThat(touching.weekly().get(DayOfWeek.MONDAY))
                .containsExactly(interval("08:00", "12:00"), interval("12:00", "17:00"));
        assertThatThrownBy(() -> new OpeningHours(
                        Map.of(),
                        Map.of(
                                LocalDate.of(2026, 1, 1),
                                List.of(interval("08:00", "10:00"), interval("09:00", "11:00")))))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "exceptions");
    }

    @Test
    void intervalsAreHoursAndMinutesFromMidnightTo2400() {
        assertThat(interval("00:00", "24:00")).isEqualTo(new OpenInterval(0, 1440));
        for (String[] bad : new String[][] {
            {"08:00", "08:00"}, {"17:00", "08:00"}, {"24:00", "24:00"}, {"08:00", "24:01"}, {"08:60", "09:00"},
            {"8:00", "09:00"}, {"08:00", "25:00"}, {"", "09:00"}, {null, "09:00"}, {"08:00:00", "09:00"}
        }) {
            assertThatThrownBy(() -> OpenInterval.parse("weekly", bad[0], bad[1]))
                    .as(bad[0] + "-" + bad[1])
                    .isInstanceOf(InvalidInputException.class)
                    .hasFieldOrPropertyWithValue("field", "weekly");
        }
    }

    @Test
    void describeIsOneLineForTheAuditTrail() {
        OpeningHours hours = new OpeningHours(
                Map.of(DayOfWeek.MONDAY, NINE_TO_FIVE, DayOfWeek.SUNDAY, List.of()),
                Map.of(LocalDate.of(2026, 12, 25), List.of()));
        assertThat(hours.describe()).isEqualTo("monday 09:00-17:00; 2026-12-25 closed");
        assertThat(new OpeningHours(Map.of(DayOfWeek.SUNDAY, List.of()), Map.of()))
                .isEqualTo(new OpeningHours(Map.of(), Map.of()))
                .extracting(OpeningHours::describe)
                .isEqualTo("closed");
    }

    private static OpeningHours weekdays(List<OpenInterval> intervals) {
        return new OpeningHours(
                Map.of(
                        DayOfWeek.MONDAY, intervals,
                        DayOfWeek.TUESDAY, intervals,
                        DayOfWeek.WEDNESDAY, intervals,
                        DayOfWeek.THURSDAY, intervals,
                        DayOfWeek.FRIDAY, intervals),
                Map.of());
    }

    private static OpenInterval interval(String opens, String closes) {
        return OpenInterval.parse("weekly", opens, closes);
    }
}
