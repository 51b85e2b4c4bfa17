package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.Subscription;
import com.callbackcloser.core.model.TextTiming;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the follow-up to a quiet caller is due: the business's delay, then out of the caller's quiet hours. */
class FollowUpsTest {
    private static final String NEW_YORK_CALLER = "+12125550123";
    private static final String LOS_ANGELES_CALLER = "+14155550123";
    private static final String TOLL_FREE = "+18005550123";

    @ParameterizedTest(name = "{0} asked at {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // 14:00 in New York: due two hours later, at 16:00.
                "+12125550123|2026-06-10T18:00:00Z|2026-06-10T20:00:00Z",
                // 19:30 in New York: 21:30 is quiet, so 8:00 the next morning.
                "+12125550123|2026-06-10T23:30:00Z|2026-06-11T12:00:00Z",
                // The same moment is 16:30 in Los Angeles: 18:30 there is fine.
                "+14155550123|2026-06-10T23:30:00Z|2026-06-11T01:30:00Z",
                // A toll-free number has no zone of its own: the business's (New York) decides.
                "+18005550123|2026-06-10T23:30:00Z|2026-06-11T12:00:00Z",
                // 20:00 EST on the Saturday before spring forward: 8:00 on the Sunday is EDT.
                "+12125550123|2026-03-08T01:00:00Z|2026-03-08T12:00:00Z",
                // 20:00 EDT on the Saturday before fall back: 8:00 on the Sunday is EST.
                "+12125550123|2026-11-01T00:00:00Z|2026-11-01T13:00:00Z"
            })
    void dueAfterTheDelayOrAtTheNextEightOClockInTheCallersZone(String caller, String asked, String due) {
        assertThat(FollowUps.dueAt(business(TextTiming.DEFAULTS), caller, Instant.parse(asked)))
                .contains(Instant.parse(due));
    }

    @Test
    void theOwnersDelayCountsAndZeroMeansNone() {
        Instant asked = Instant.parse("2026-06-10T14:00:00Z");

        assertThat(FollowUps.dueAt(business(new TextTiming(15, false)), NEW_YORK_CALLER, asked))
                .contains(asked.plusSeconds(15 * 60));
        assertThat(FollowUps.dueAt(business(new TextTiming(0, false)), LOS_ANGELES_CALLER, asked))
                .isEqualTo(Optional.empty());
        assertThat(FollowUps.dueAt(business(new TextTiming(0, true)), TOLL_FREE, asked))
                .isEmpty();
    }

    private static Business business(TextTiming timing) {
        return new Business(
                UUID.randomUUID(),
                "Acme Plumbing",
                "+14155550199",
                null,
                20,
                ServiceLabels.DEFAULTS,
                Business.DEFAULT_TIME_ZONE,
                timing,
                false,
                "+14155550100",
                null,
                Subscription.NONE,
                Instant.EPOCH);
    }
}
