package com.callbackcloser.db.dao;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface ConsentDao {

    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM sms_consents
                            WHERE business_id = :businessId AND phone = :phone AND opted_out)
            """)
    boolean isOptedOut(@Bind("businessId") UUID businessId, @Bind("phone") String phone);

    @SqlUpdate("""
            INSERT INTO sms_consents (business_id, phone, opted_out, opted_out_at, last_keyword, last_message_sid,
                                      phone_raw, created_at, updated_at)
            VALUES (:businessId, :phone, true, :at, :keyword, :messageSid, :phoneRaw, :at, :at)
            ON CONFLICT (business_id, phone) DO UPDATE SET
                opted_out        = true,
                opted_out_at     = EXCLUDED.opted_out_at,
                last_keyword     = EXCLUDED.last_keyword,
                last_message_sid = COALESCE(EXCLUDED.last_message_sid, sms_consents.last_message_sid),
                phone_raw        = EXCLUDED.phone_raw,
                updated_at       = EXCLUDED.updated_at
            """)
    void optOut(
            @Bind("businessId") UUID businessId,
            @Bind("phone") String phone,
            @Bind("phoneRaw") String phoneRaw,
            @Bind("keyword") String keyword,
            @Bind("messageSid") String messageSid,
            @Bind("at") Instant at);

    @SqlUpdate("""
            INSERT INTO sms_consents (business_id, phone, opted_out, opted_in_at, last_keyword, last_message_sid,
                                      phone_raw, created_at, updated_at)
            VALUES (:businessId, :phone, false, :at, :keyword, :messageSid, :phoneRaw, :at, :at)
            ON CONFLICT (business_id, phone) DO UPDATE SET
                opted_out        = false,
                opted_in_at      = EXCLUDED.opted_in_at,
                last_keyword     = EXCLUDED.last_keyword,
                last_message_sid = COALESCE(EXCLUDED.last_message_sid, sms_consents.last_message_sid),
                phone_raw        = EXCLUDED.phone_raw,
                updated_at       = EXCLUDED.updated_at
            """)
    void optIn(
            @Bind("businessId") UUID businessId,
            @Bind("phone") String phone,
            @Bind("phoneRaw") String phoneRaw,
            @Bind("keyword") String keyword,
            @Bind("messageSid") String messageSid,
            @Bind("at") Instant at);
}
