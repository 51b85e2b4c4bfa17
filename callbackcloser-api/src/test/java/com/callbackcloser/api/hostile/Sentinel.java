package com.callbackcloser.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.api.testing.WebhookClient;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * A business with a missed call, its lead and a text from the caller, stored through the real webhooks before a
 * barrage and compared row for row afterwards: hostile requests aimed elsewhere must not have touched it.
 */
final class Sentinel {
    static final String CALLER = "+14155550100";

    private final ServiceUnderTest service;
    final Business business;
    private final String snapshot;

    private Sentinel(ServiceUnderTest service, Business business) {
        this.service = service;
        this.business = business;
        this.snapshot = snapshot();
    }

    /**
     * Inactive, so nothing about it waits on the outbox: the call, the lead and the caller's text are all stored
     * by the time the webhooks answer, and the snapshot is final.
     */
    static Sentinel plant(ServiceUnderTest service) {
        Business business = TestBusinesses.create(service.transactions(), SubscriptionStatus.INACTIVE);
        HttpResponse<String> missed = service.webhooks()
                .post(
                        "/api/twilio/status",
                        WebhookClient.params(
                                "AccountSid",
                                TwilioFake.ACCOUNT_SID,
                                "CallSid",
                                "CA" + UUID.randomUUID().toString().replace("-", ""),
                                "From",
                                CALLER,
                                "To",
                                business.twilioNumber(),
                                "DialCallStatus",
                                "no-answer"));
        assertThat(missed.headers().firstValue("X-CallbackCloser-Decision")).contains("billing_inactive");
        HttpResponse<String> text = service.webhooks()
                .post(
                        "/api/twilio/sms",
                        WebhookClient.params(
                                "AccountSid",
                                TwilioFake.ACCOUNT_SID,
                                "MessageSid",
                                "SM" + UUID.randomUUID().toString().replace("-", ""),
                                "From",
                                CALLER,
                                "To",
                                business.twilioNumber(),
                                "Body",
                                "Hi, it's about the leak 🔧"));
        assertThat(text.headers().firstValue("X-CallbackCloser-Decision")).contains("billing_inactive");
        assertThat(count(service, "SELECT count(*) FROM leads WHERE business_id = :b", business))
                .isEqualTo(1);
        assertThat(count(service, "SELECT count(*) FROM messages WHERE business_id = :b", business))
                .isEqualTo(1);
        return new Sentinel(service, business);
    }

    private static int count(ServiceUnderTest service, String sql, Business business) {
        return service.jdbi()
                .withHandle(h -> h.createQuery(sql)
                        .bind("b", business.id())
                        .mapTo(Integer.class)
                        .one());
    }

    void assertUnchanged() {
        assertThat(snapshot()).as("the sentinel business's rows").isEqualTo(snapshot);
    }

    private String snapshot() {
        return service.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT jsonb_build_object(
                            'business', (SELECT to_jsonb(b) FROM businesses b WHERE b.id = :b),
                            'members', (SELECT jsonb_agg(to_jsonb(m) ORDER BY m.subject) FROM business_members m
                                         WHERE m.business_id = :b),
                            'calls', (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.id) FROM calls c WHERE c.business_id = :b),
                            'leads', (SELECT jsonb_agg(to_jsonb(l) ORDER BY l.id) FROM leads l WHERE l.business_id = :b),
                            'messages', (SELECT jsonb_agg(to_jsonb(m) ORDER BY m.id) FROM messages m
                                          WHERE m.business_id = :b),
                            'consents', (SELECT jsonb_agg(to_jsonb(s) ORDER BY s.phone) FROM sms_consents s
                                          WHERE s.business_id = :b))::text""")
                        .bind("b", business.id())
                        .mapTo(String.class)
                        .one());
    }
}
