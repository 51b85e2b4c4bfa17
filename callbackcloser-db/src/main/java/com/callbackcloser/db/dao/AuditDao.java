package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(AuditEntryMapper.class)
public interface AuditDao {

    /** The changes go in as three parallel arrays and are stored as {"field": {"from": …, "to": …}}. */
    @SqlUpdate("""
            INSERT INTO audit_events (business_id, actor, action, target, changes, correlation_id, created_at)
            VALUES (:businessId, :actor, :action, :target,
                    COALESCE((SELECT jsonb_object_agg(f, jsonb_build_object('from', b, 'to', a))
                                FROM unnest(CAST(:fields AS text[]), CAST(:before AS text[]), CAST(:after AS text[]))
                                     AS change(f, b, a)), '{}'::jsonb),
                    :correlationId, :at)
            """)
    void insert(
            @Bind("businessId") UUID businessId,
            @Bind("actor") String actor,
            @Bind("action") String action,
            @Bind("target") String target,
            @Bind("fields") String[] fields,
            @Bind("before") String[] before,
            @Bind("after") String[] after,
            @Bind("correlationId") String correlationId,
            @Bind("at") Instant at);

    @SqlQuery("""
            SELECT e.*,
                   ARRAY(SELECT key FROM jsonb_each(e.changes) ORDER BY key) AS change_fields,
                   ARRAY(SELECT value ->> 'from' FROM jsonb_each(e.changes) ORDER BY key) AS change_from,
                   ARRAY(SELECT value ->> 'to' FROM jsonb_each(e.changes) ORDER BY key) AS change_to
              FROM audit_events e
             WHERE e.business_id = :businessId AND (CAST(:before AS bigint) IS NULL OR e.id < :before)
             ORDER BY e.id DESC
             LIMIT :limit
            """)
    List<AuditEntry> list(@Bind("businessId") UUID businessId, @Bind("before") Long before, @Bind("limit") int limit);
}
