package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.Business;
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

    @SqlQuery("SELECT * FROM businesses ORDER BY created_at, id")
    List<Business> listAll();

    @SqlQuery("""
            INSERT INTO businesses (name, forwarding_number, notify_phone, missed_call_seconds,
                                    service_label_1, service_label_2, service_label_3, time_zone, twilio_number,
                                    subscription_status, subscription_status_changed_at, created_at, updated_at)
            VALUES (:name, :forwardingNumber, :notifyPhone, :missedCallSeconds,
                    :label1, :label2, :label3, :timeZone, :twilioNumber,
                    :subscriptionStatus, :now, :now, :now)
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
            @Bind("twilioNumber") String twilioNumber,
            @Bind("subscriptionStatus") String subscriptionStatus,
            @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE businesses
               SET subscription_status = :status,
                   subscription_status_changed_at = :now,
                   updated_at = :now
             WHERE id = :id AND subscription_status <> :status
            """)
    int updateSubscriptionStatus(@Bind("id") UUID id, @Bind("status") String status, @Bind("now") Instant now);
}
