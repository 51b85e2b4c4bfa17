package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.ApiKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class ApiKeyMapper implements RowMapper<ApiKey> {
    @Override
    public ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ApiKey(
                Rows.uuid(rs, "id"),
                rs.getString("subject"),
                rs.getString("name"),
                rs.getString("prefix"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "last_used_at"),
                Rows.instant(rs, "revoked_at"));
    }
}
