package com.callbackcloser.api.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioFormTest {

    @Test
    void decodesPlusesEscapesAndMultiByteCharacters() {
        Map<String, String> params = parse("Body=Hi+there%21+%F0%9F%94%A7+Z%C3%B6e&From=%2B14155550123&Empty=&Flag");

        assertThat(params)
                .containsExactly(
                        Map.entry("Body", "Hi there! 🔧 Zöe"),
                        Map.entry("From", "+14155550123"),
                        Map.entry("Empty", ""),
                        Map.entry("Flag", ""));
    }

    @Test
    void repeatedNamesKeepTheFirstValue() {
        assertThat(parse("To=%2B1&To=%2B2")).containsEntry("To", "+1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"To=%ZZ", "To=%4", "To=%C3%28", "To=\u00e9", "Body=a%00b", "%00=x", "Body=\u0000"})
    void refusesMalformedEscapesAndBytesThatAreNotUtf8(String body) {
        assertThatThrownBy(() -> TwilioForm.parse(body.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdentifierTooLongToBeAKeyIsNamedAndAnyOtherValueMayBeLong() {
        String longest = "C".repeat(TwilioForm.MAX_IDENTIFIER_LENGTH);

        assertThat(TwilioForm.unstorable(Map.of("CallSid", longest, "Body", "x".repeat(60_000))))
                .isEmpty();
        assertThat(TwilioForm.unstorable(Map.of("CallSid", "CA1", "From", longest + "1")))
                .contains("From is longer than 256 characters");
    }

    @Test
    void blankValuesReadAsAbsent() {
        TwilioForm form = new TwilioForm(parse("To=+&Duration=12&Bad=x"));

        assertThat(form.get("To")).isEmpty();
        assertThat(form.getInteger("Duration")).isEqualTo(12);
        assertThat(form.getInteger("Bad")).isNull();
        assertThat(form.getInteger("Missing")).isNull();
    }

    private static Map<String, String> parse(String body) {
        return TwilioForm.parse(body.getBytes(StandardCharsets.US_ASCII));
    }
}
