package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.Membership;
import com.callbackcloser.core.model.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class MembershipMapper implements RowMapper<Membership> {
    @Override
    public Membership map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Membership(
                Rows.uuid(rs, "business_id"),
                rs.getString("subject"),
                Rows.enumValue(rs, "role", Role.class),
                Rows.instant(rs, "created_at"));
    }
}
