package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.AuditEntry;
import com.callbackcloser.core.model.FieldChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads the changes back from the three parallel arrays {@link AuditDao#list} selects. */
public final class AuditEntryMapper implements RowMapper<AuditEntry> {
    @Override
    public AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        String[] fields = (String[]) rs.getArray("change_fields").getArray();
        String[] from = (String[]) rs.getArray("change_from").getArray();
        String[] to = (String[]) rs.getArray("change_to").getArray();
        List<FieldChange> changes = new ArrayList<>(fields.length);
        for (int i = 0; i < fields.length; i++) {
            changes.add(new FieldChange(fields[i], from[i], to[i]));
        }
        return new AuditEntry(
                rs.getLong("id"),
                Rows.uuid(rs, "business_id"),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target"),
                changes,
                rs.getString("correlation_id"),
                Rows.instant(rs, "created_at"));
    }
}
