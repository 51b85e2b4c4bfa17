package com.callbackcloser.api.resources;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Concurrently;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.StripeFake;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.out.SubscriptionChange;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The monthly conversation limit, end to end, with the Starter plan limited to 3 conversations. */
@ExtendWith(DropwizardExtensionsSupport.class)
class QuotaIT {
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures(
            "stripe.priceStarter", StripeFake.PRICE_STARTER,
            "stripe.pricePro", StripeFake.PRICE_PRO,
            "plans.starterLimit", "3");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final String OWNER = "+14155550177";
    private static final AtomicInteger CALLERS = new AtomicInteger();

    private Business business;

    @BeforeEach
    void starterBusiness() {
        SERVICE.twilio.reset();
        SERVICE.twilio.acceptMessages();
        business = TestBusinesses.create(
                SERVICE.transactions(), SubscriptionStatus.INACTIVE, TestBusinesses.nextTwilioNumber(), OWNER);
        subscribe(StripeFake.PRICE_STARTER, SubscriptionStatus.ACTIVE);
    }

    @Test
    void twentyConcurrentMissedCallsWithOneConversationLeftTextExactlyOneCaller() throws Exception {
        missedCall(newCaller());
        missedCall(newCaller());

        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String caller = newCaller();
            calls.add(() -> missedCall(caller));
        }
        List<String> outcomes = Concurrently.run(calls);

        assertThat(outcomes)
                .containsOnlyOnce("text_queued")
                .filteredOn("usage_limit_reached"::equals)
                .hasSize(19);
        assertThat(count("SELECT count(*) FROM leads WHERE business_id = :b")).isEqualTo(22);
        assertThat(count("SELECT count(*) FROM leads WHERE business_id = :b AND sms_started_at IS NOT NULL"))
                .isEqualTo(3);
        assertThat(count("SELECT count(*) FROM leads WHERE business_id = :b AND billing_required"))
                .isEqualTo(19);
        Eventually.within(
                Duration.ofSeconds(10), () -> assertThat(textsTo(OWNER)).hasSize(19));
        assertThat(SERVICE.twilio.sentMessages())
                .filteredOn(m -> !m.get("To").equals(OWNER))
                .hasSize(3);
    }

    @Test
    void theFreeTierRecordsEveryMissedCallTextsNoneAndTellsTheOwnerOncePerLead() {
        subscribe("price_we_do_not_sell", SubscriptionStatus.ACTIVE);
        for (int i = 0; i < 3; i++) {
            String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
            String caller = newCaller();
            assertThat(missedCall(callSid, caller)).isEqualTo("usage_limit_reached");
            assertThat(missedCall(callSid, caller)).isEqualTo("usage_limit_reached");
        }

        assertThat(count("SELECT count(*) FROM calls WHERE business_id = :b")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM leads WHERE business_id = :b AND billing_required"))
                .isEqualTo(3);
        Eventually.within(
                Duration.ofSeconds(10), () -> assertThat(textsTo(OWNER)).hasSize(3));
        assertThat(textsTo(OWNER).get(0))
                .isEqualTo("CallbackCloser: Acme Plumbing reached its monthly limit (0/0). "
                        + "A missed call was recorded, but no follow-up text was sent.");
        assertThat(SERVICE.twilio.sentMessages())
                .allSatisfy(m -> assertThat(m.get("To")).isEqualTo(OWNER));
    }

    @Test
    void afterReactivationTheNextMissedCallIsTextedAndOldBillingRequiredLeadsStayAsTheyAre() {
        subscribe(StripeFake.PRICE_STARTER, SubscriptionStatus.PAST_DUE);
        String firstCaller = newCaller();
        assertThat(missedCall(firstCaller)).isEqualTo("billing_inactive");

        subscribe(StripeFake.PRICE_STARTER, SubscriptionStatus.ACTIVE);
        String secondCaller = newCaller();
        assertThat(missedCall(secondCaller)).isEqualTo("text_queued");

        Eventually.within(
                Duration.ofSeconds(10), () -> assertThat(textsTo(secondCaller)).hasSize(1));
        assertThat(textsTo(firstCaller)).isEmpty();
        assertThat(count("SELECT count(*) FROM leads WHERE business_id = :b AND billing_required"))
                .isEqualTo(1);
    }

    private void subscribe(String price, SubscriptionStatus status) {
        Instant now = Instant.now();
        SERVICE.transactions()
                .inTransaction(r -> r.businesses()
                        .applySubscription(
                                business.id(),
                                new SubscriptionChange(status, "cus_" + business.id(), "sub_" + business.id(), price),
                                now,
                                now));
    }

    private String missedCall(String caller) {
        return missedCall("CA" + UUID.randomUUID().toString().replace("-", ""), caller);
    }

    private String missedCall(String callSid, String caller) {
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "CallSid",
                                callSid,
                                "From",
                                caller,
                                "To",
                                business.twilioNumber(),
                                "DialCallStatus",
                                "no-answer"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("X-CallbackCloser-Decision").orElseThrow();
    }

    private List<String> textsTo(String phone) {
        return SERVICE.twilio.sentMessages().stream()
                .filter(m -> m.get("To").equals(phone))
                .map(m -> m.get("Body"))
                .toList();
    }

    private int count(String sql) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery(sql)
                        .bind("b", business.id())
                        .mapTo(Integer.class)
                        .one());
    }

    private static String newCaller() {
        return String.format("+1415555%04d", 3000 + CALLERS.incrementAndGet());
    }
}
