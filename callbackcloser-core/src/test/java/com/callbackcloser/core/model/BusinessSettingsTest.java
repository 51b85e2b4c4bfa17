package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Ab", "Zoë's Pipes 🔧", "שרברב", "O'Brien & <Sons>", "🔧🔧", "Acme\u00a0Plumbing"})
    void aNameOfTwoTo120PrintableCharactersIsTaken(String name) {
        assertThat(BusinessSettings.withDefaults(name, "+14155550199", null).name())
                .isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "🔧", // one character to the database, though two UTF-16 units
                "a\u0000b",
                "Acme\u0007",
                "Acme\tPlumbing",
                "Acme\u0085",
                "Acme \ufffe",
                "Acme \uffff",
                "Acme \ufdd0",
                "Acme \ud800 Pipes",
                "Acme \udc00"
            })
    void aNameTheDatabaseOrTwimlCannotCarryIsRefused(String name) {
        assertThatThrownBy(() -> BusinessSettings.withDefaults(name, "+14155550199", null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Drain\u0000", "Leak\u001b[0m", "Pipes \ufffe"})
    void aServiceLabelWithAForbiddenCharacterIsRefused(String label) {
        assertThatThrownBy(() -> new ServiceLabels("Repair", label, "Maintenance"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("serviceLabels"));
    }
}
