package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.port.out.StoredSubscription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(BusinessMapper.class)
public interface BusinessDao {

    @SqlQuery("SELECT * FROM businesses WHERE id = :id")
    Optional<Business> findById(@Bind("id") UUID id);

    @SqlQuery("SELECT * FROM businesses WHERE twilio_number = :twilioNumber")
    Optional<Business> findByTwilioNumber(@Bind("twilioNumber") String twilioNumber);

    /** The business a call (by its CallSid) came in for. */
    @SqlQuery("SELECT b.* FROM businesses b JOIN calls c ON c.business_id = b.id WHERE c.call_sid = :callSid")
    Optional<Business> findByCallSid(@Bind("callSid") String callSid);

    @SqlQuery("SELECT * FROM businesses ORDER BY created_at, id")
    List<Business> listAll();

    @SqlQuery("""
            SELECT * FROM businesses WHERE twilio_number IS NOT NULL AND twilio_number <> ''
            ORDER BY created_at, id LIMIT :limit
            """)
    List<Business> listWithTwilioNumber(@Bind("limit") int limit);

    @SqlQuery("""
            INSERT INTO businesses (name, forwarding_number, notify_phone, missed_call_seconds,
                                    service_label_1, service_label_2, service_label_3, time_zone,
                                    follow_up_minutes, owner_quiet_hours, call_screening, twilio_number,
                                    subscription_status, stripe_price_id, subscription_status_changed_at,
                                    created_at, updated_at)
            VALUES (:name, :forwardingNumber, :notifyPhone, :missedCallSeconds,
                    :label1, :label2, :label3, :timeZone, :followUpMinutes, :ownerQuietHours, :callScreening,
                    :twilioNumber, :subscriptionStatus, :priceId, :now, :now, :now)
            RETURNING *
            """)
    Business insert(
            @Bind("name") String name,
            @Bind("forwardingNumber") String forwardingNumber,
            @Bind("notifyPhone") String notifyPhone,
            @Bind("missedCallSeconds") int missedCallSeconds,
            @Bind("label1") String label1,
            @Bind("label2") String label2,
            @Bind("label3") String label3,
            @Bind("timeZone") String timeZone,
            @Bind("followUpMinutes") int followUpMinutes,
            @Bind("ownerQuietHours") boolean ownerQuietHours,
            @Bind("callScreening") boolean callScreening,
            @Bind("twilioNumber") String twilioNumber,
            @Bind("subscriptionStatus") String subscriptionStatus,
            @Bind("priceId") String priceId,
            @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE businesses
               SET subscription_status = :status,
                   subscription_status_changed_at = :now,
                   updated_at = :now
             WHERE id = :id AND subscription_status <> :status
            """)
    int updateSubscriptionStatus(@Bind("id") UUID id, @Bind("status") String status, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE businesses
               SET subscription_status_changed_at = CASE WHEN subscription_status <> :status THEN :now
                                                         ELSE subscription_status_changed_at END,
                   subscription_status = :status,
                   stripe_price_id = :priceId,
                   updated_at = :now
             WHERE id = :id
            """)
    int setManualSubscription(
            @Bind("id") UUID id,
            @Bind("status") String status,
            @Bind("priceId") String priceId,
            @Bind("now") Instant now);

    @SqlQuery("SELECT * FROM businesses WHERE id = :id FOR NO KEY UPDATE")
    Optional<Business> lock(@Bind("id") UUID id);

    @SqlQuery("SELECT * FROM businesses WHERE stripe_customer_id = :customerId")
    Optional<Business> findByStripeCustomerId(@Bind("customerId") String customerId);

    @SqlQuery("SELECT * FROM businesses WHERE id = :id")
    @RegisterRowMapper(StoredSubscriptionMapper.class)
    Optional<StoredSubscription> findSubscription(@Bind("id") UUID id);

    @SqlQuery("SELECT * FROM businesses WHERE id = :id FOR NO KEY UPDATE")
    @RegisterRowMapper(StoredSubscriptionMapper.class)
    Optional<StoredSubscription> lockSubscription(@Bind("id") UUID id);

    @SqlUpdate("""
            UPDATE businesses
               SET subscription_status_changed_at = CASE WHEN subscription_status <> :status THEN :now
                                                         ELSE subscription_status_changed_at END,
                   subscription_status = :status,
                   stripe_customer_id = COALESCE(:customerId, stripe_customer_id),
                   stripe_subscription_id = COALESCE(:subscriptionId, stripe_subscription_id),
                   stripe_price_id = COALESCE(:priceId, stripe_price_id),
                   subscription_event_at = :eventCreated,
                   subscription_version = subscription_version + 1,
                   updated_at = :now
             WHERE id = :id
            """)
    int applySubscription(
            @Bind("id") UUID id,
            @Bind("status") String status,
            @Bind("customerId") String customerId,
            @Bind("subscriptionId") String subscriptionId,
            @Bind("priceId") String priceId,
            @Bind("eventCreated") Instant eventCreated,
            @Bind("now") Instant now);

    @SqlQuery("""
            UPDATE businesses
               SET stripe_customer_id = COALESCE(stripe_customer_id, :customerId), updated_at = :now
             WHERE id = :id
            RETURNING stripe_customer_id
            """)
    String attachStripeCustomer(@Bind("id") UUID id, @Bind("customerId") String customerId, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE businesses
               SET name = :name, forwarding_number = :forwardingNumber, notify_phone = :notifyPhone,
                   missed_call_seconds = :missedCallSeconds, service_label_1 = :label1, service_label_2 = :label2,
                   service_label_3 = :label3, time_zone = :timeZone, follow_up_minutes = :followUpMinutes,
                   owner_quiet_hours = :ownerQuietHours, call_screening = :callScreening, updated_at = :now
             WHERE id = :id
            """)
    void updateSettings(
            @Bind("id") UUID id,
            @Bind("name") String name,
            @Bind("forwardingNumber") String forwardingNumber,
            @Bind("notifyPhone") String notifyPhone,
            @Bind("missedCallSeconds") int missedCallSeconds,
            @Bind("label1") String label1,
            @Bind("label2") String label2,
            @Bind("label3") String label3,
            @Bind("timeZone") String timeZone,
            @Bind("followUpMinutes") int followUpMinutes,
            @Bind("ownerQuietHours") boolean ownerQuietHours,
            @Bind("callScreening") boolean callScreening,
            @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE businesses
               SET twilio_number = :number, twilio_number_sid = :sid, twilio_webhooks_synced_at = :now, updated_at = :now
             WHERE id = :id
            """)
    void attachTwilioNumber(
            @Bind("id") UUID id, @Bind("number") String number, @Bind("sid") String sid, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE businesses
               SET twilio_number = :number, twilio_number_sid = :sid, twilio_webhooks_synced_at = NULL
             WHERE id = :id
            """)
    void claimTwilioNumber(@Bind("id") UUID id, @Bind("number") String number, @Bind("sid") String sid);

    @SqlUpdate("""
            UPDATE businesses SET twilio_number = NULL, twilio_number_sid = NULL
             WHERE id = :id AND twilio_number_sid = :sid AND twilio_webhooks_synced_at IS NULL
            """)
    int releaseUnsyncedTwilioNumber(@Bind("id") UUID id, @Bind("sid") String sid);

    @SqlUpdate("UPDATE businesses SET twilio_webhooks_synced_at = :now, updated_at = :now WHERE id = :id")
    void markWebhooksSynced(@Bind("id") UUID id, @Bind("now") Instant now);
}
