package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.ClaimedWebhook;
import com.callbackcloser.core.model.WebhookAttempt;
import com.callbackcloser.core.model.WebhookDelivery;
import com.callbackcloser.core.model.WebhookDeliveryState;
import com.callbackcloser.core.model.WebhookEndpoint;
import com.callbackcloser.core.model.WebhookEventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Rows of the outbound webhook tables; event types are stored by their wire names ({@code lead.created}). */
public final class WebhookMappers {
    private WebhookMappers() {}

    public static final class Endpoint implements RowMapper<WebhookEndpoint> {
        @Override
        public WebhookEndpoint map(ResultSet rs, StatementContext ctx) throws SQLException {
            Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
            Arrays.stream((String[]) rs.getArray("events").getArray())
                    .map(WebhookEventType::fromWireName)
                    .forEach(type -> type.ifPresent(events::add));
            return new WebhookEndpoint(
                    Rows.uuid(rs, "id"),
                    Rows.uuid(rs, "business_id"),
                    rs.getString("url"),
                    rs.getString("description"),
                    events,
                    rs.getString("created_by"),
                    Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "disabled_at"),
                    Rows.instant(rs, "secret_rotated_at"),
                    Rows.instant(rs, "previous_secret_expires_at"));
        }
    }

    public static final class Delivery implements RowMapper<WebhookDelivery> {
        @Override
        public WebhookDelivery map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new WebhookDelivery(
                    Rows.uuid(rs, "id"),
                    Rows.uuid(rs, "business_id"),
                    Rows.uuid(rs, "endpoint_id"),
                    rs.getString("url"),
                    Rows.uuid(rs, "event_id"),
                    rs.getString("event_type"),
                    Rows.uuid(rs, "replay_of"),
                    Rows.enumValue(rs, "state", WebhookDeliveryState.class),
                    rs.getInt("attempts"),
                    Rows.instant(rs, "next_attempt_at"),
                    Rows.integer(rs, "last_status_code"),
                    rs.getString("last_error"),
                    Rows.instant(rs, "delivered_at"),
                    Rows.instant(rs, "created_at"));
        }
    }

    public static final class Attempt implements RowMapper<WebhookAttempt> {
        @Override
        public WebhookAttempt map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new WebhookAttempt(
                    rs.getInt("attempt"),
                    Rows.instant(rs, "attempted_at"),
                    Rows.integer(rs, "status_code"),
                    rs.getLong("duration_ms"),
                    rs.getString("error"));
        }
    }

    public static final class Claimed implements RowMapper<ClaimedWebhook> {
        @Override
        public ClaimedWebhook map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ClaimedWebhook(
                    Rows.uuid(rs, "id"),
                    Rows.uuid(rs, "endpoint_id"),
                    rs.getString("url"),
                    rs.getString("secret"),
                    rs.getString("previous_secret"),
                    rs.getBoolean("endpoint_enabled"),
                    Rows.uuid(rs, "event_id"),
                    rs.getString("event_type"),
                    rs.getString("payload"),
                    rs.getInt("attempts"));
        }
    }
}
