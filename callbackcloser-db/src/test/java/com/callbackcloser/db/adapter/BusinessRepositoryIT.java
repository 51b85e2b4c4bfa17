package com.callbackcloser.db.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.out.DuplicateKeyException;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BusinessRepositoryIT {
    private final JdbiTransactionRunner transactions =
            new JdbiTransactionRunner(TestDatabase.create().jdbi());

    @Test
    void aTwilioNumberBelongsToOneBusiness() {
        Business first = TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE);

        assertThatThrownBy(() ->
                        TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE, first.twilioNumber(), null))
                .isInstanceOf(DuplicateKeyException.class);
        Optional<Business> found =
                transactions.inTransaction(r -> r.businesses().findByTwilioNumber(first.twilioNumber()));
        assertThat(found).contains(first);
    }

    @Test
    void subscriptionStatusChangeIsStampedOnlyWhenItChanges() {
        Business business = TestBusinesses.create(transactions, SubscriptionStatus.INACTIVE);
        var at = java.time.Instant.parse("2026-11-26T16:00:00Z");
        transactions.inTransaction(r -> {
            r.businesses().updateSubscriptionStatus(business.id(), SubscriptionStatus.ACTIVE, at);
            r.businesses().updateSubscriptionStatus(business.id(), SubscriptionStatus.ACTIVE, at.plusSeconds(60));
            return null;
        });

        Business updated = transactions
                .inTransaction(r -> r.businesses().findById(business.id()))
                .orElseThrow();
        assertThat(updated.subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(updated.subscription().statusChangedAt()).isEqualTo(at);
    }
}
