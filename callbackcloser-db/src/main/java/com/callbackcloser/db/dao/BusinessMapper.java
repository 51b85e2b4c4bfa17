package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.Subscription;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.TextTiming;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class BusinessMapper implements RowMapper<Business> {
    @Override
    public Business map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Business(
                Rows.uuid(rs, "id"),
                rs.getString("name"),
                rs.getString("forwarding_number"),
                rs.getString("notify_phone"),
                rs.getInt("missed_call_seconds"),
                new ServiceLabels(
                        rs.getString("service_label_1"),
                        rs.getString("service_label_2"),
                        rs.getString("service_label_3")),
                ZoneId.of(rs.getString("time_zone")),
                new TextTiming(rs.getInt("follow_up_minutes"), rs.getBoolean("owner_quiet_hours")),
                rs.getBoolean("call_screening"),
                rs.getString("twilio_number"),
                rs.getString("twilio_number_sid"),
                subscription(rs),
                Rows.instant(rs, "created_at"));
    }

    static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(
                Rows.enumValue(rs, "subscription_status", SubscriptionStatus.class),
                rs.getString("stripe_customer_id"),
                rs.getString("stripe_subscription_id"),
                rs.getString("stripe_price_id"),
                Rows.instant(rs, "subscription_status_changed_at"));
    }
}
