package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.LeadSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A lead row with its latest message's columns prefixed {@code m_} (all null when it has none) and the inbox's
 * flags {@code caller_opted_out} and {@code follow_up_pending}.
 */
public final class LeadSummaryMapper implements RowMapper<LeadSummary> {
    private final LeadMapper leads = new LeadMapper();
    private final MessageRecordMapper latestMessages = new MessageRecordMapper("m_");

    @Override
    public LeadSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new LeadSummary(
                leads.map(rs, ctx),
                rs.getObject("m_id") == null ? null : latestMessages.map(rs, ctx),
                rs.getBoolean("caller_opted_out"),
                rs.getBoolean("follow_up_pending"));
    }
}
