package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NewBusinessTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void normalisesItsNumbers() {
        NewBusiness business = new NewBusiness(" Acme Plumbing ", "(415) 555-0199", "", 20, ServiceLabels.DEFAULTS,
                NEW_YORK, "415-555-0100", SubscriptionStatus.ACTIVE, PlanTier.STARTER);
        assertThat(business.name()).isEqualTo("Acme Plumbing");
        assertThat(business.forwardingNumber()).isEqualTo("+14155550199");
        assertThat(business.twilioNumber()).isEqualTo("+14155550100");
        assertThat(business.notifyPhone()).isNull();
    }

    @Test
    void refusesWhatTheOldAppRefused() {
        assertThatThrownBy(() -> new NewBusiness("A", "+14155550199", null, 20, ServiceLabels.DEFAULTS, NEW_YORK,
                null, SubscriptionStatus.INACTIVE, null)).hasMessageContaining("name");
        assertThatThrownBy(() -> new NewBusiness("Acme", "12345", null, 20, ServiceLabels.DEFAULTS, NEW_YORK,
                null, SubscriptionStatus.INACTIVE, null)).hasMessageContaining("forwarding number");
        assertThatThrownBy(() -> new NewBusiness("Acme", "+14155550199", null, 4, ServiceLabels.DEFAULTS, NEW_YORK,
                null, SubscriptionStatus.INACTIVE, null)).hasMessageContaining("missed-call seconds");
        assertThatThrownBy(() -> new NewBusiness("Acme", "+14155550199", null, 91, ServiceLabels.DEFAULTS, NEW_YORK,
                null, SubscriptionStatus.INACTIVE, null)).hasMessageContaining("missed-call seconds");
        assertThatThrownBy(() -> new ServiceLabels("Repair", "", "Maintenance")).hasMessageContaining("label");
        assertThatThrownBy(() -> new ServiceLabels("Repair", "x".repeat(41), "Maintenance"))
                .hasMessageContaining("label");
    }
}
