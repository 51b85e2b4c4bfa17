package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
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

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 120, 1440})
    void followUpsAreOffOrFifteenMinutesToADayAfterTheLastQuestion(int minutes) {
        assertThat(new TextTiming(minutes, false).followUpMinutes()).isEqualTo(minutes);
        assertThat(new TextTiming(minutes, false).followUpDelay().isPresent()).isEqualTo(minutes != 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1, 14, 1441, Integer.MAX_VALUE})
    void anyOtherFollowUpDelayIsRefusedNamingTheField(int minutes) {
        assertThatThrownBy(() -> new TextTiming(minutes, true))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("followUpMinutes"));
    }

    @Test
    void newBusinessesFollowUpAfterTwoHoursAndTextTheOwnerAtAnyHour() {
        assertThat(BusinessSettings.withDefaults("Acme", "+14155550199", null).textTiming())
                .isEqualTo(new TextTiming(120, false));
    }

    @Test
    void aPatchChangesTheTimingItSendsAndTheAuditNamesTheFields() {
        BusinessSettings before = BusinessSettings.withDefaults("Acme", "+14155550199", null);
        BusinessSettings after =
                new BusinessSettingsPatch(null, null, null, null, null, null, 30, true, null).applyTo(before);

        assertThat(after.textTiming()).isEqualTo(new TextTiming(30, true));
        assertThat(BusinessSettingsPatch.differences(before, after))
                .containsExactly(
                        new FieldChange("followUpMinutes", "120", "30"),
                        new FieldChange("ownerQuietHours", "false", "true"));
        assertThat(new BusinessSettingsPatch(null, null, null, null, null, null, null, null, null)
                        .applyTo(after)
                        .textTiming())
                .isEqualTo(new TextTiming(30, true));
    }

    @Test
    void callScreeningIsOffByDefaultAndTurningItOnIsOneAuditedChange() {
        BusinessSettings before = BusinessSettings.withDefaults("Acme Plumbing", "+14155550199", null);
        BusinessSettingsPatch turnOn = new BusinessSettingsPatch(null, null, null, null, null, null, null, null, true);
        BusinessSettingsPatch leaveAlone =
                new BusinessSettingsPatch(null, null, null, 15, null, null, null, null, null);

        BusinessSettings after = turnOn.applyTo(before);

        assertThat(before.callScreening()).isFalse();
        assertThat(after.callScreening()).isTrue();
        assertThat(BusinessSettingsPatch.differences(before, after))
                .containsExactly(new FieldChange("callScreening", "false", "true"));
        assertThat(leaveAlone.applyTo(after).callScreening()).isTrue();
        assertThat(BusinessSettingsPatch.differences(after, turnOn.applyTo(after)))
                .isEmpty();
    }
}
