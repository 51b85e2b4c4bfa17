package com.callbackcloser.api.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fragment is checked against Twilio's documented keys and limits: a typo must not silently end retries. */
class ConnectionOverridesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                ConnectionOverrides.DEFAULT,
                "#rc=5&rp=all",
                "rc=0",
                "ct=100&rt=15000&tt=100&rc=1&rp=ct&e=ashburn&sni=y",
                ""
            })
    void acceptsWhatTwilioDocuments(String fragment) {
        assertThat(new ConnectionOverrides(fragment).fragment()).doesNotStartWith("#");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "rc=6                | rc is from 0 to 5",
                "rc=-1               | rc is from 0 to 5",
                "ct=99               | ct is from 100 to 10000",
                "rt=15001            | rt is from 100 to 15000",
                "tt=20000            | tt is from 100 to 15000",
                "rc=three            | rc is a whole number",
                "rp=5xx,timeout      | rp is a comma-separated list",
                "rp=                 | is not key=value",
                "retries=3           | unknown key retries",
                "rc=3&rc=4           | rc is given twice",
                "rc=3&&rp=all        | is not key=value",
                "sni=yes             | sni is y or n"
            })
    void refusesAnythingElseSayingWhy(String fragment, String why) {
        assertThatThrownBy(() -> new ConnectionOverrides(fragment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }

    @ParameterizedTest
    @CsvSource({
        "https://callbacks.example.test/api/twilio/status, https://callbacks.example.test/api/twilio/status#rc=5&rp=all",
        "https://callbacks.example.test/api/twilio/message-status?messageId=1, "
                + "https://callbacks.example.test/api/twilio/message-status?messageId=1#rc=5&rp=all"
    })
    void goesAfterTheQuery(String url, String withOverrides) {
        assertThat(new ConnectionOverrides("rc=5&rp=all").appendTo(url)).isEqualTo(withOverrides);
        assertThat(ConnectionOverrides.NONE.appendTo(url)).isEqualTo(url);
    }
}
