package com.callbackcloser.db.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.Subscription;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.out.DuplicateKeyException;
import com.callbackcloser.core.port.out.StoredSubscription;
import com.callbackcloser.core.port.out.SubscriptionChange;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
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

    @Test
    void everyStoredSubscriptionCountsAVersionAndANullKeepsWhatIsStored() {
        Business business = TestBusinesses.create(transactions, SubscriptionStatus.INACTIVE);
        Instant at = Instant.parse("2026-11-26T16:00:00Z");
        assertThat(subscriptionOf(business.id()))
                .hasValueSatisfying(stored -> assertThat(stored.version()).isZero());

        transactions.inTransaction(r -> r.businesses()
                .applySubscription(
                        business.id(),
                        new SubscriptionChange(SubscriptionStatus.ACTIVE, "cus_1", "sub_1", "price_1"),
                        at,
                        at));
        // The same state again still counts: an older fetch in flight must see that something was stored.
        transactions.inTransaction(r -> r.businesses()
                .applySubscription(
                        business.id(),
                        new SubscriptionChange(SubscriptionStatus.ACTIVE, "cus_1", "sub_1", null),
                        at,
                        at.plusSeconds(60)));

        StoredSubscription stored = transactions
                .inTransaction(r -> r.businesses().lockSubscription(business.id()))
                .orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.businessId()).isEqualTo(business.id());
        assertThat(stored.subscription())
                .isEqualTo(new Subscription(SubscriptionStatus.ACTIVE, "cus_1", "sub_1", "price_1", at));
        assertThat(subscriptionOf(business.id())).contains(stored);
        UUID nobody = UUID.randomUUID();
        assertThat(subscriptionOf(nobody)).isEmpty();
        boolean storedForNobody = transactions.inTransaction(r -> r.businesses()
                .applySubscription(
                        nobody, new SubscriptionChange(SubscriptionStatus.ACTIVE, null, null, null), at, at));
        assertThat(storedForNobody).isFalse();
    }

    private Optional<StoredSubscription> subscriptionOf(UUID businessId) {
        return transactions.inTransaction(r -> r.businesses().findSubscription(businessId));
    }
}
