package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.Membership;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(MembershipMapper.class)
public interface MemberDao {

    @SqlQuery("SELECT * FROM business_members WHERE business_id = :businessId AND subject = :subject")
    Optional<Membership> find(@Bind("businessId") UUID businessId, @Bind("subject") String subject);

    @SqlQuery("SELECT * FROM business_members WHERE business_id = :businessId ORDER BY created_at, subject")
    List<Membership> listForBusiness(@Bind("businessId") UUID businessId);

    @SqlQuery("SELECT * FROM business_members WHERE subject = :subject ORDER BY created_at, business_id")
    List<Membership> listForSubject(@Bind("subject") String subject);

    @SqlQuery("""
            INSERT INTO business_members (business_id, subject, role, created_at, updated_at)
            VALUES (:businessId, :subject, :role, :now, :now)
            ON CONFLICT (business_id, subject) DO UPDATE SET role = EXCLUDED.role, updated_at = EXCLUDED.updated_at
            RETURNING *
            """)
    Membership put(
            @Bind("businessId") UUID businessId,
            @Bind("subject") String subject,
            @Bind("role") String role,
            @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM business_members WHERE business_id = :businessId AND subject = :subject")
    int remove(@Bind("businessId") UUID businessId, @Bind("subject") String subject);
}
