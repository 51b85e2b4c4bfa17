package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeadFunnelTest {
    private static final Duration SECONDS_5 = Duration.ofSeconds(5);

    @Test
    void theResponseRateIsRepliedPerTexted() {
        LeadFunnel funnel = new LeadFunnel(12, 7, 6, 6, 2, 2, SECONDS_5, Duration.ofSeconds(110));

        assertThat(funnel.responseRate()).contains(6.0 / 7);
    }

    @Test
    void withNobodyTextedThereIsNoRateRatherThanZero() {
        assertThat(LeadFunnel.empty().responseRate()).isEmpty();
        assertThat(new LeadFunnel(3, 0, 0, 1, 0, 1, null, null).responseRate()).isEmpty();
    }

    @Test
    void aFunnelNarrowsFromMissedToTextedToReplied() {
        assertThatThrownBy(() -> new LeadFunnel(2, 3, 0, 0, 0, 0, SECONDS_5, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeadFunnel(3, 1, 2, 0, 0, 0, SECONDS_5, SECONDS_5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMedianIsThereExactlyWhenSomethingWasMeasured() {
        assertThatThrownBy(() -> new LeadFunnel(1, 1, 0, 0, 0, 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeadFunnel(1, 0, 0, 0, 0, 0, SECONDS_5, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
