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

    /** Opts the phone out of (or back into) the business's texts; each direction stamps its own time. */
    @SqlUpdate("""
            INSERT INTO sms_consents (business_id, phone, opted_out, opted_out_at, opted_in_at, last_keyword,
                                      last_message_sid, phone_raw, created_at, updated_at)
            VALUES (:businessId, :phone, :optedOut,
                    CASE WHEN :optedOut THEN CAST(:at AS timestamptz) END,
                    CASE WHEN :optedOut THEN NULL ELSE CAST(:at AS timestamptz) END,
                    :keyword, :messageSid, :phoneRaw, :at, :at)
            ON CONFLICT (business_id, phone) DO UPDATE SET
                opted_out        = EXCLUDED.opted_out,
                opted_out_at     = COALESCE(EXCLUDED.opted_out_at, sms_consents.opted_out_at),
                opted_in_at      = COALESCE(EXCLUDED.opted_in_at, sms_consents.opted_in_at),
                last_keyword     = EXCLUDED.last_keyword,
                last_message_sid = COALESCE(EXCLUDED.last_message_sid, sms_consents.last_message_sid),
                phone_raw        = EXCLUDED.phone_raw,
                updated_at       = EXCLUDED.updated_at
            """)
    void record(
            @Bind("businessId") UUID businessId,
            @Bind("phone") String phone,
            @Bind("optedOut") boolean optedOut,
            @Bind("phoneRaw") String phoneRaw,
            @Bind("keyword") String keyword,
            @Bind("messageSid") String messageSid,
            @Bind("at") Instant at);
}
