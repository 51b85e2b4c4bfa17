package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The answered-or-missed rule when the forwarded leg may have heard the "press 1" whisper. */
class ScreenedDialOutcomeTest {

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource({
        // Screening off: Twilio's status is the whole story, as before.
        "completed,OFF,ANSWERED",
        "answered,OFF,ANSWERED",
        "no-answer,OFF,MISSED",
        "busy,OFF,MISSED",
        "ringing,OFF,UNKNOWN",
        // A person pressed the key: answered.
        "completed,KEY_PRESSED,ANSWERED",
        "answered,KEY_PRESSED,ANSWERED",
        // Voicemail (or nobody pressed): Twilio says completed, the caller is still owed a text.
        "completed,NO_KEY_PRESSED,MISSED",
        "answered,NO_KEY_PRESSED,MISSED",
        "' Completed ',NO_KEY_PRESSED,MISSED",
        // Not answered stays not answered, whatever the whisper recorded.
        "no-answer,KEY_PRESSED,MISSED",
        "busy,KEY_PRESSED,MISSED",
        "failed,KEY_PRESSED,MISSED",
        "canceled,KEY_PRESSED,MISSED",
        "no-answer,NO_KEY_PRESSED,MISSED",
        // A status we do not act on stays one, so a non-final callback never creates a lead.
        "ringing,NO_KEY_PRESSED,UNKNOWN",
        "in-progress,KEY_PRESSED,UNKNOWN"
    })
    void decidesAnsweredOrMissed(String dialCallStatus, Screening screening, DialOutcome expected) {
        assertThat(DialOutcome.of(dialCallStatus, screening)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Screening.class)
    void noStatusIsNeverAnOutcome(Screening screening) {
        assertThat(DialOutcome.of(null, screening)).isEqualTo(DialOutcome.UNKNOWN);
        assertThat(DialOutcome.of(" ", screening)).isEqualTo(DialOutcome.UNKNOWN);
    }

    @Test
    void withoutScreeningTheRuleIsTheDialStatusAlone() {
        for (String status : new String[] {"completed", "answered", "no-answer", "busy", "failed", "canceled", "x"}) {
            assertThat(DialOutcome.of(status, Screening.OFF)).isEqualTo(DialOutcome.fromDialCallStatus(status));
        }
    }

    @Test
    void screeningIsOffUnlessTheLegWasWhispered() {
        assertThat(Screening.of(false, false)).isEqualTo(Screening.OFF);
        assertThat(Screening.of(false, true)).isEqualTo(Screening.OFF);
        assertThat(Screening.of(true, true)).isEqualTo(Screening.KEY_PRESSED);
        assertThat(Screening.of(true, false)).isEqualTo(Screening.NO_KEY_PRESSED);
    }
}
