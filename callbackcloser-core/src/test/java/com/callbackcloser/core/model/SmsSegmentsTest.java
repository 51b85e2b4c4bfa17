package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsSegmentsTest {

    @ParameterizedTest(name = "{0} GSM-7 characters: {1} segments")
    @CsvSource({"1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4"})
    void gsm7TextIs160InOneMessageAnd153PerPartWhenSplit(int length, int segments) {
        assertThat(SmsSegments.of("a".repeat(length))).isEqualTo(new SmsSegments(Encoding.GSM_7, length, segments));
    }

    @ParameterizedTest(name = "{0} UCS-2 units: {1} segments")
    @CsvSource({"1, 1", "70, 1", "71, 2", "134, 2", "135, 3"})
    void oneCharacterOutsideGsm7MakesTheWholeTextUcs2At70And67(int length, int segments) {
        String text = "’" + "a".repeat(length - 1); // a curly apostrophe, as phones type it
        assertThat(SmsSegments.of(text)).isEqualTo(new SmsSegments(Encoding.UCS_2, length, segments));
    }

    @Test
    void gsm7ExtensionCharactersCountTwice() {
        assertThat(SmsSegments.of("{€}")).isEqualTo(new SmsSegments(Encoding.GSM_7, 6, 1));
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.of("€".repeat(81))).isEqualTo(new SmsSegments(Encoding.GSM_7, 162, 2));
    }

    @Test
    void accentedLettersOfTheGsmAlphabetStayGsm7OthersDoNot() {
        assertThat(SmsSegments.of("Café Müller, Señor Ñoño: é ü ñ Ø à").encoding())
                .isEqualTo(Encoding.GSM_7);
        assertThat(SmsSegments.of("Crème brûlée").encoding()).isEqualTo(Encoding.UCS_2); // û is not in it
    }

    @Test
    void anEmojiIsTwoUcs2Units() {
        assertThat(SmsSegments.of("Hi 🔧")).isEqualTo(new SmsSegments(Encoding.UCS_2, 5, 1));
    }
}
