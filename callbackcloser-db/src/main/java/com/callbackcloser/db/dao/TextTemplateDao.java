package com.callbackcloser.db.dao;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(TextTemplateDao.TemplateRowMapper.class)
public interface TextTemplateDao {

    record TemplateRow(String kind, String body) {}

    final class TemplateRowMapper implements RowMapper<TemplateRow> {
        @Override
        public TemplateRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new TemplateRow(rs.getString("kind"), rs.getString("body"));
        }
    }

    @SqlQuery("SELECT kind, body FROM business_text_templates WHERE business_id = :businessId")
    List<TemplateRow> find(@Bind("businessId") UUID businessId);

    @SqlUpdate("DELETE FROM business_text_templates WHERE business_id = :businessId")
    void deleteAll(@Bind("businessId") UUID businessId);

    @SqlBatch("""
            INSERT INTO business_text_templates (business_id, kind, body, updated_at)
            VALUES (:businessId, :kind, :body, :now)
            """)
    void insert(@Bind("businessId") UUID businessId, @BindMethods List<TemplateRow> rows, @Bind("now") Instant now);
}
