package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewBusinessTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void normalisesItsNumbers() {
        NewBusiness business = new NewBusiness(
                new BusinessSettings(
                        " Acme Plumbing ",
                        "(415) 555-0199",
                        "",
                        20,
                        ServiceLabels.DEFAULTS,
                        NEW_YORK,
                        TextTiming.DEFAULTS,
                        false),
                "415-555-0100",
                SubscriptionStatus.ACTIVE,
                PlanTier.STARTER);
        assertThat(business.settings().name()).isEqualTo("Acme Plumbing");
        assertThat(business.settings().forwardingNumber()).isEqualTo("+14155550199");
        assertThat(business.twilioNumber()).isEqualTo("+14155550100");
        assertThat(business.settings().notifyPhone()).isNull();
    }

    @Test
    void refusesWhatTheOldAppRefusedNamingTheField() {
        assertField(() -> settings("A", "+14155550199", 20), "name");
        assertField(() -> settings("x".repeat(121), "+14155550199", 20), "name");
        assertField(() -> settings("Acme", "12345", 20), "forwardingNumber");
        assertField(() -> settings("Acme", "+14155550199", 4), "missedCallSeconds");
        assertField(() -> settings("Acme", "+14155550199", 91), "missedCallSeconds");
        assertField(() -> new ServiceLabels("Repair", "", "Maintenance"), "serviceLabels");
        assertField(() -> new ServiceLabels("Repair", "x".repeat(41), "Maintenance"), "serviceLabels");
        assertField(
                () -> new NewBusiness(
                        settings("Acme", "+14155550199", 20), "not a number", SubscriptionStatus.INACTIVE, null),
                "twilioNumber");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "+02:00", "EST5EDT-ish", "", "UTC+3"})
    void onlyRealIanaZones(String zone) {
        assertField(() -> BusinessSettings.timeZone(zone), "timeZone");
    }

    @Test
    void ianaZonesAreAccepted() {
        assertThat(BusinessSettings.timeZone("America/Chicago")).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(BusinessSettings.timeZone("Europe/London")).isEqualTo(ZoneId.of("Europe/London"));
    }

    private static BusinessSettings settings(String name, String forwarding, int seconds) {
        return new BusinessSettings(
                name, forwarding, null, seconds, ServiceLabels.DEFAULTS, NEW_YORK, TextTiming.DEFAULTS, false);
    }

    private static void assertField(Runnable construction, String field) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
