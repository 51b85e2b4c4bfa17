package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DayRangeTest {

    @Test
    void bothDaysAreIncludedSoOneDayIsARange() {
        assertThat(range("2026-11-01", "2026-11-01").days()).isEqualTo(1);
        assertThat(range("2026-11-01", "2026-11-30").days()).isEqualTo(30);
    }

    @Test
    void aWholeLeapYearFitsAndOneDayMoreDoesNot() {
        assertThat(range("2028-01-01", "2028-12-31").days()).isEqualTo(366);

        assertThatThrownBy(() -> range("2028-01-01", "2029-01-01"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("a period is at most 366 days, from and to included")
                .extracting("field")
                .isEqualTo("to");
    }

    @Test
    void toBeforeFromIsRefusedNamingTo() {
        assertThatThrownBy(() -> range("2026-11-30", "2026-11-01"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("to (2026-11-01) is before from (2026-11-30)")
                .extracting("field")
                .isEqualTo("to");
    }

    @Test
    void daysOutsideTheBoundsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> range("1999-12-31", "2000-01-01"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("from is a day from 2000-01-01 to 2999-12-31")
                .extracting("field")
                .isEqualTo("from");
        assertThatThrownBy(() -> new DayRange(LocalDate.parse("2999-12-31"), LocalDate.MAX))
                .isInstanceOf(InvalidQueryException.class)
                .extracting("field")
                .isEqualTo("to");
    }

    private static DayRange range(String from, String to) {
        return new DayRange(LocalDate.parse(from), LocalDate.parse(to));
    }
}
