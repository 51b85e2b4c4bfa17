package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "4155550123|+14155550123",
                "(415) 555-0123|+14155550123",
                "14155550123|+14155550123",
                "+1 415 555 0123|+14155550123",
                "  +14155550123  |+14155550123",
                "+44 20 7946 0958|+442079460958",
                "anonymous|anonymous",
                "  client:alice |client:alice",
            })
    void normalisesToE164WithUsDefaultOrKeepsTrimmedInput(String raw, String expected) {
        assertThat(PhoneNumbers.normalize(raw)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nullStaysNull() {
        assertThat(PhoneNumbers.normalize(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+14155550123", "(212) 555-0188", "+442079460958"})
    void realNumbersAreTextable(String number) {
        assertThat(PhoneNumbers.isTextable(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "", "+266696687", "+86282452253", "+8656696", "12", "client:alice"})
    void withheldAndInvalidCallerIdsAreNotTextable(String number) {
        assertThat(PhoneNumbers.isTextable(number)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void logsShowOnlyTheLastFourDigits() {
        assertThat(PhoneNumbers.mask("+14155550123")).isEqualTo("***0123");
        assertThat(PhoneNumbers.mask("12")).isEqualTo("***");
        assertThat(PhoneNumbers.maskAll("The 'To' number +1 (415) 555-0123 is not valid; call 4155550199"))
                .isEqualTo("The 'To' number ***0123 is not valid; call ***0199");
        assertThat(PhoneNumbers.maskAll("error 21610 at 2026-11-26")).isEqualTo("error 21610 at 2026-11-26");
    }
}
