package com.callbackcloser.db.dao;

import com.callbackcloser.core.port.out.StoredSubscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class StoredSubscriptionMapper implements RowMapper<StoredSubscription> {
    @Override
    public StoredSubscription map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredSubscription(
                Rows.uuid(rs, "id"), BusinessMapper.subscription(rs), rs.getLong("subscription_version"));
    }
}
