package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.out.SubscriptionSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentSubscriptionTest {
    private static final Instant OLDER = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant NEWER = Instant.parse("2026-11-01T00:00:00Z");
    private static final List<String> STATUSES = List.of(
            "active", "trialing", "past_due", "unpaid", "incomplete", "paused", "incomplete_expired", "canceled");

    @Test
    void anOldSubscriptionEndingNeverReplacesALiveOne() {
        SubscriptionSnapshot current = subscription("sub_new", "active", NEWER);
        for (String ended : List.of("canceled", "incomplete_expired")) {
            assertThat(chosen(current, subscription("sub_old", ended, OLDER)))
                    .as(ended)
                    .isSameAs(current);
        }
    }

    @Test
    void aNewSubscriptionReplacesOneThatEndedOrServesWorse() {
        SubscriptionSnapshot renewed = subscription("sub_new", "active", NEWER);
        for (String worse : List.of("canceled", "past_due", "incomplete")) {
            assertThat(chosen(subscription("sub_old", worse, OLDER), renewed))
                    .as(worse)
                    .isSameAs(renewed);
        }
    }

    @Test
    void aNewSubscriptionNotYetPaidDoesNotPauseAWorkingOne() {
        SubscriptionSnapshot working = subscription("sub_old", "active", OLDER);

        assertThat(chosen(working, subscription("sub_new", "incomplete", NEWER)))
                .isSameAs(working);
    }

    @Test
    void ofTwoAlikeTheNewerWinsAndWithoutCreationTimesTheStoredOneStays() {
        SubscriptionSnapshot older = subscription("sub_older", "active", OLDER);
        SubscriptionSnapshot newer = subscription("sub_newer", "trialing", NEWER);

        assertThat(chosen(older, newer)).isSameAs(newer);
        assertThat(chosen(newer, older)).isSameAs(newer);
        SubscriptionSnapshot undated = subscription("sub_undated", "active", null);
        assertThat(chosen(undated, older)).isSameAs(undated);
        assertThat(chosen(older, undated)).isSameAs(older);
    }

    /** Every pair of statuses, both creation orders: the choice does not depend on which event came first. */
    @Test
    void theChoiceDoesNotDependOnWhichOfTheTwoIsStored() {
        for (String first : STATUSES) {
            for (String second : STATUSES) {
                SubscriptionSnapshot a = subscription("sub_a", first, OLDER);
                SubscriptionSnapshot b = subscription("sub_b", second, NEWER);

                SubscriptionSnapshot chosen = chosen(a, b);

                assertThat(chosen(b, a)).as(first + " / " + second).isSameAs(chosen);
                SubscriptionStatus ours = SubscriptionStatus.fromStripe(chosen.status());
                SubscriptionStatus other = SubscriptionStatus.fromStripe((chosen.equals(a) ? b : a).status());
                assertThat(serves(ours)).as(first + " / " + second).isGreaterThanOrEqualTo(serves(other));
            }
        }
    }

    /** The business's subscription once {@code other}'s event is handled while {@code stored} is stored. */
    private static SubscriptionSnapshot chosen(SubscriptionSnapshot stored, SubscriptionSnapshot other) {
        return CurrentSubscription.replaces(stored, other) ? other : stored;
    }

    private static int serves(SubscriptionStatus status) {
        return switch (status) {
            case ACTIVE -> 3;
            case PAST_DUE -> 2;
            case INACTIVE -> 1;
            case CANCELED -> 0;
        };
    }

    private static SubscriptionSnapshot subscription(String id, String status, Instant created) {
        return new SubscriptionSnapshot(id, "cus_1", status, "price_1", null, created);
    }
}
