package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class DialOutcomeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "completed,ANSWERED",
        "answered,ANSWERED",
        "COMPLETED,ANSWERED",
        "no-answer,MISSED",
        "busy,MISSED",
        "failed,MISSED",
        "canceled,MISSED",
        " Busy ,MISSED",
        "ringing,UNKNOWN",
        "in-progress,UNKNOWN"
    })
    void classifiesDialCallStatus(String dialCallStatus, DialOutcome expected) {
        assertThat(DialOutcome.fromDialCallStatus(dialCallStatus)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void absentStatusIsUnknown(String dialCallStatus) {
        assertThat(DialOutcome.fromDialCallStatus(dialCallStatus)).isEqualTo(DialOutcome.UNKNOWN);
    }
}
