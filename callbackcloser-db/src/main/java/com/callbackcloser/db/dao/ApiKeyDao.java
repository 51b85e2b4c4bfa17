package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ApiKeyMapper.class)
public interface ApiKeyDao {

    @SqlQuery("""
            INSERT INTO api_keys (subject, name, prefix, secret_hash, created_at)
            VALUES (:subject, :name, :prefix, :hash, :now)
            RETURNING *
            """)
    ApiKey insert(
            @Bind("subject") String subject,
            @Bind("name") String name,
            @Bind("prefix") String prefix,
            @Bind("hash") String hash,
            @Bind("now") Instant now);

    @SqlQuery("SELECT * FROM api_keys WHERE subject = :subject ORDER BY created_at DESC, id")
    List<ApiKey> listFor(@Bind("subject") String subject);

    /** Stamps the last use at most once a minute, so a busy integration does not write on every request. */
    @SqlQuery("""
            UPDATE api_keys
               SET last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at < :now - interval '1 minute'
                                       THEN :now ELSE last_used_at END
             WHERE secret_hash = :hash AND revoked_at IS NULL
            RETURNING *
            """)
    Optional<ApiKey> useActive(@Bind("hash") String hash, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, :now)
             WHERE id = :id AND subject = :subject
            """)
    int revoke(@Bind("id") UUID id, @Bind("subject") String subject, @Bind("now") Instant now);
}
