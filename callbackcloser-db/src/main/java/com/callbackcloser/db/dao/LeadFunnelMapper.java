package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.LeadFunnel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads {@link AnalyticsDao#leadFunnel}: medians come as seconds and are kept to the microsecond, as stored. */
public final class LeadFunnelMapper implements RowMapper<LeadFunnel> {
    @Override
    public LeadFunnel map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new LeadFunnel(
                rs.getLong("missed_calls"),
                rs.getLong("texted"),
                rs.getLong("replied"),
                rs.getLong("qualified"),
                rs.getLong("completed"),
                rs.getLong("booked"),
                duration(rs, "median_seconds_to_first_text"),
                duration(rs, "median_seconds_to_first_reply"));
    }

    private static Duration duration(ResultSet rs, String column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull() ? null : Duration.of(Math.round(seconds * 1_000_000), ChronoUnit.MICROS);
    }
}
