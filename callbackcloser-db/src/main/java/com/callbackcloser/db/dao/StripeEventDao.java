package com.callbackcloser.db.dao;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface StripeEventDao {

    /** 0 when the id is there already; a concurrent delivery of the same event waits, then gets 0. */
    @SqlUpdate("""
            INSERT INTO stripe_events (id, type, created, received_at) VALUES (:id, :type, :created, :receivedAt)
            ON CONFLICT (id) DO NOTHING
            """)
    int insert(
            @Bind("id") String id,
            @Bind("type") String type,
            @Bind("created") Instant created,
            @Bind("receivedAt") Instant receivedAt);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM stripe_events WHERE id = :id)")
    boolean contains(@Bind("id") String id);

    @SqlUpdate("UPDATE stripe_events SET business_id = :businessId, outcome = :outcome WHERE id = :id")
    void recordOutcome(@Bind("id") String id, @Bind("businessId") UUID businessId, @Bind("outcome") String outcome);
}
