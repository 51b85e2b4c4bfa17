package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ComplianceKeywordTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "STOP|STOP",
                "stop|STOP",
                "stop.|STOP",
                "Stop please|STOP",
                " STOP!! |STOP",
                "StopAll|STOP",
                "unsubscribe|STOP",
                "Cancel|STOP",
                "end|STOP",
                "QUIT|STOP",
                "START|START",
                "start|START",
                "Yes|START",
                "unstop|START",
                "Yes please|START",
                "HELP|HELP",
                "help?|HELP",
                "Help me|HELP"
            })
    void firstWordDecides(String body, ComplianceKeyword expected) {
        assertThat(ComplianceKeyword.of(body)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"don't stop", "please stop", "1", "stopping", "yes.no", "Helpful", "12345"})
    void anythingElseIsNoKeyword(String body) {
        assertThat(ComplianceKeyword.of(body)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void emptyBodiesAreNoKeyword(String body) {
        assertThat(ComplianceKeyword.of(body)).isEmpty();
    }
}
