package com.callbackcloser.api.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.api.testing.StripeFake;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.PauseReason;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.Plans;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.Usage;
import com.callbackcloser.core.port.in.BusinessNotFoundException;
import com.callbackcloser.core.port.in.NoBillingAccountException;
import com.callbackcloser.core.port.in.OpenBillingPortal;
import com.callbackcloser.core.port.in.PlanNotForSaleException;
import com.callbackcloser.core.port.in.StartCheckout;
import com.callbackcloser.core.port.out.BillingProviderException;
import com.callbackcloser.core.port.out.SubscriptionChange;
import com.callbackcloser.core.service.BillingService;
import com.callbackcloser.db.adapter.JdbiTransactionRunner;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checkout, portal and usage: the core use cases through stripe-java against the Stripe fake, on PostgreSQL. */
class BillingServiceIT {
    private static final Instant NOW = Instant.parse("2026-03-15T16:00:00Z");
    private static final Plans PLANS =
            new Plans(StripeFake.PRICE_STARTER, StripeFake.PRICE_PRO, 0, 3, 10, Plans.DEFAULT_USAGE_ZONE);

    private final StripeFake stripe = new StripeFake();
    private Jdbi jdbi;
    private JdbiTransactionRunner transactions;
    private BillingService billing;
    private Business business;

    @BeforeEach
    void setUp() {
        jdbi = TestDatabase.create().jdbi();
        transactions = new JdbiTransactionRunner(jdbi);
        billing = new BillingService(
                transactions,
                new StripeBillingProvider(StripeFake.SECRET_KEY, stripe.baseUrl()),
                PLANS,
                Clock.fixed(NOW, ZoneOffset.UTC));
        business = TestBusinesses.create(transactions, SubscriptionStatus.INACTIVE);
        stripe.createsCustomer("cus_new");
        stripe.createsCheckoutSession("https://checkout.stripe.com/c/pay/cs_test_1");
        stripe.createsPortalSession("https://billing.stripe.com/p/session/test_1");
    }

    @AfterEach
    void stopFake() {
        stripe.close();
    }

    @Test
    void theFirstCheckoutCreatesTheCustomerAndLaterOnesReuseIt() {
        String url = billing.startCheckout(checkout(PlanTier.STARTER));
        billing.startCheckout(checkout(PlanTier.PRO));

        assertThat(url).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_1");
        assertThat(stripe.posts("/v1/customers"))
                .singleElement()
                .asString()
                .contains("name=Acme Plumbing", "phone=+14155550199", "metadata[businessId]=" + business.id());
        String customer = jdbi.withHandle(h -> h.createQuery("SELECT stripe_customer_id FROM businesses WHERE id = :id")
                .bind("id", business.id())
                .mapTo(String.class)
                .one());
        assertThat(customer).isEqualTo("cus_new");
        assertThat(stripe.posts("/v1/checkout/sessions"))
                .hasSize(2)
                .first()
                .asString()
                .contains(
                        "mode=subscription",
                        "customer=cus_new",
                        "line_items[0][price]=" + StripeFake.PRICE_STARTER,
                        "line_items[0][quantity]=1",
                        "allow_promotion_codes=true",
                        "metadata[businessId]=" + business.id(),
                        "subscription_data[metadata][businessId]=" + business.id(),
                        "client_reference_id=" + business.id(),
                        "success_url=https://app.example/billing?ok",
                        "cancel_url=https://app.example/billing?no");
        assertThat(stripe.posts("/v1/checkout/sessions").get(1))
                .contains("line_items[0][price]=" + StripeFake.PRICE_PRO);
    }

    @Test
    void onlyStarterAndProCanBeBought() {
        assertThatThrownBy(() -> billing.startCheckout(checkout(PlanTier.FREE)))
                .isInstanceOf(PlanNotForSaleException.class);
        BillingService unpriced = new BillingService(
                transactions,
                new StripeBillingProvider(StripeFake.SECRET_KEY, stripe.baseUrl()),
                new Plans(StripeFake.PRICE_STARTER, null, 0, 3, 10, Plans.DEFAULT_USAGE_ZONE),
                Clock.systemUTC());
        assertThatThrownBy(() -> unpriced.startCheckout(checkout(PlanTier.PRO)))
                .isInstanceOf(PlanNotForSaleException.class);
        assertThat(stripe.posts("/v1/checkout/sessions")).isEmpty();
    }

    @Test
    void thePortalNeedsACustomer() {
        assertThatThrownBy(
                        () -> billing.openPortal(new OpenBillingPortal(business.id(), "https://app.example/billing")))
                .isInstanceOf(NoBillingAccountException.class);

        billing.startCheckout(checkout(PlanTier.STARTER));
        String url = billing.openPortal(new OpenBillingPortal(business.id(), "https://app.example/billing"));

        assertThat(url).isEqualTo("https://billing.stripe.com/p/session/test_1");
        assertThat(stripe.posts("/v1/billing_portal/sessions"))
                .singleElement()
                .asString()
                .contains("customer=cus_new", "return_url=https://app.example/billing");
    }

    @Test
    void unknownBusinessAndStripeFailuresAreClearErrors() {
        assertThatThrownBy(
                        () -> billing.startCheckout(new StartCheckout(UUID.randomUUID(), PlanTier.STARTER, "a", "b")))
                .isInstanceOf(BusinessNotFoundException.class);
        stripe.reset();
        assertThatThrownBy(() -> billing.startCheckout(checkout(PlanTier.STARTER)))
                .isInstanceOf(BillingProviderException.class)
                .hasMessageContaining("Stripe could not create a customer");
    }

    @Test
    void usageCountsThisMonthsConversationsInNewYorkTime() {
        subscribe(StripeFake.PRICE_STARTER);
        // March 2026 in New York starts at 05:00Z: the first lead is February's, the second March's.
        startedLead("2026-03-01T04:59:59Z", false);
        startedLead("2026-03-01T05:00:00Z", false);
        startedLead("2026-03-31T23:00:00Z", false);
        startedLead(null, true);

        Usage usage = billing.usage(business.id());

        assertThat(usage.tier()).isEqualTo(PlanTier.STARTER);
        assertThat(usage.used()).isEqualTo(2);
        assertThat(usage.limit()).isEqualTo(3);
        assertThat(usage.remaining()).isEqualTo(1);
        assertThat(usage.period().start()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
        assertThat(usage.period().end()).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
        assertThat(usage.billingRequiredLeads()).isEqualTo(1);
        assertThat(usage.pauseReason()).isEqualTo(PauseReason.BILLING_REQUIRED);
        assertThat(usage.pauseSentence()).contains("not texted because of billing");
    }

    @Test
    void usageSaysWhyTextingIsPaused() {
        assertThat(billing.usage(business.id()).pauseReason()).isEqualTo(PauseReason.BILLING_INACTIVE);
        subscribe("price_unknown");
        Usage free = billing.usage(business.id());

        assertThat(free.tier()).isEqualTo(PlanTier.FREE);
        assertThat(free.pauseReason()).isEqualTo(PauseReason.USAGE_LIMIT_REACHED);
        assertThat(free.remaining()).isZero();
        subscribe(StripeFake.PRICE_PRO);
        assertThat(billing.usage(business.id()).pauseReason()).isEqualTo(PauseReason.NONE);
    }

    private void subscribe(String price) {
        transactions.inTransaction(r -> r.businesses()
                .applySubscription(
                        business.id(),
                        new SubscriptionChange(SubscriptionStatus.ACTIVE, "cus_1", "sub_1", price),
                        Instant.now(),
                        NOW));
    }

    private void startedLead(String smsStartedAt, boolean billingRequired) {
        jdbi.useHandle(h -> {
            UUID call = h.createQuery("""
                            INSERT INTO calls (business_id, call_sid, created_at, updated_at)
                            VALUES (:b, :sid, now(), now()) RETURNING id""")
                    .bind("b", business.id())
                    .bind("sid", "CA" + UUID.randomUUID())
                    .mapTo(UUID.class)
                    .one();
            h.createUpdate("""
                            INSERT INTO leads (business_id, call_id, caller_raw, caller_number, sms_started_at,
                                               billing_required, created_at, updated_at)
                            VALUES (:b, :call, '+14155550123', '+14155550123', :started, :billing, now(), now())""")
                    .bind("b", business.id())
                    .bind("call", call)
                    .bind("started", smsStartedAt == null ? null : Instant.parse(smsStartedAt))
                    .bind("billing", billingRequired)
                    .execute();
        });
    }

    private StartCheckout checkout(PlanTier plan) {
        return new StartCheckout(
                business.id(), plan, "https://app.example/billing?ok", "https://app.example/billing?no");
    }
}
