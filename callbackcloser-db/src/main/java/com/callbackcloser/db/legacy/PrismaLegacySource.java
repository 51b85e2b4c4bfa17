package com.callbackcloser.db.legacy;

import com.callbackcloser.core.model.legacy.LegacyBusiness;
import com.callbackcloser.core.model.legacy.LegacyCall;
import com.callbackcloser.core.model.legacy.LegacyConsent;
import com.callbackcloser.core.model.legacy.LegacyLead;
import com.callbackcloser.core.model.legacy.LegacyMessage;
import com.callbackcloser.core.port.out.LegacySource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The old app's PostgreSQL (Prisma's tables, quoted camel-case names), read in one REPEATABLE READ, READ ONLY
 * transaction held for the whole import: every table is read from the same snapshot, and the server refuses
 * any write. Prisma stores {@code DateTime} as {@code timestamp(3)} without a zone, holding UTC; each is read
 * as that UTC instant whatever the JVM's or the session's zone (a lead's texting start decides its quota month).
 */
public final class PrismaLegacySource implements LegacySource, AutoCloseable {
    private static final int FETCH_SIZE = 1000;

    private final Handle handle;

    private PrismaLegacySource(Handle handle) {
        this.handle = handle;
    }

    /** Starts the snapshot on {@code connection}, which this source owns (and closes) from now on. */
    public static PrismaLegacySource open(Connection connection) {
        Handle handle = Jdbi.open(connection);
        try {
            handle.begin();
            handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            // Converting a timestamptz column (should one be) to UTC wall time needs the session in UTC.
            handle.execute("SET LOCAL TIME ZONE 'UTC'");
            String readOnly = handle.createQuery("SELECT current_setting('transaction_read_only')")
                    .mapTo(String.class)
                    .one();
            String isolation = handle.createQuery("SELECT current_setting('transaction_isolation')")
                    .mapTo(String.class)
                    .one();
            if (!"on".equals(readOnly) || !"repeatable read".equals(isolation)) {
                throw new IllegalStateException("the old database did not open a read-only snapshot (read only: "
                        + readOnly + ", isolation: " + isolation + ")");
            }
            return new PrismaLegacySource(handle);
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /** Whether the transaction reading the old database is read-only and repeatable-read; true once opened. */
    public boolean readsASnapshot() {
        return "on".equals(setting("transaction_read_only"))
                && "repeatable read".equals(setting("transaction_isolation"));
    }

    private String setting(String name) {
        return handle.createQuery("SELECT current_setting(:name)")
                .bind("name", name)
                .mapTo(String.class)
                .one();
    }

    @Override
    public List<String> missingSchema() {
        Set<String> tables =
                new HashSet<>(handle.createQuery("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                        """).mapTo(String.class).list());
        Set<String> columns =
                new HashSet<>(handle.createQuery("""
                        SELECT table_name || '.' || column_name FROM information_schema.columns
                         WHERE table_schema = current_schema()
                        """).mapTo(String.class).list());
        return PrismaSchema.missing(tables, columns);
    }

    @Override
    public void businesses(Consumer<LegacyBusiness> each) {
        stream(
                """
                SELECT "id", "ownerClerkId", "name", "forwardingNumber", "notifyPhone", "missedCallSeconds",
                       "serviceLabel1", "serviceLabel2", "serviceLabel3", "timezone",
                       "twilioPhoneNumber", "twilioPhoneNumberSid", %s, "stripeCustomerId", "stripeSubscriptionId",
                       "stripePriceId", CAST("subscriptionStatus" AS text) AS "subscriptionStatus", %s, %s, %s
                  FROM "Business"
                 ORDER BY "createdAt", "id"
                """.formatted(
                                utc("twilioWebhookSyncedAt"),
                                utc("subscriptionStatusUpdatedAt"),
                                utc("createdAt"),
                                utc("updatedAt")),
                (rs, ctx) -> new LegacyBusiness(
                        rs.getString("id"),
                        rs.getString("ownerClerkId"),
                        rs.getString("name"),
                        rs.getString("forwardingNumber"),
                        rs.getString("notifyPhone"),
                        rs.getInt("missedCallSeconds"),
                        rs.getString("serviceLabel1"),
                        rs.getString("serviceLabel2"),
                        rs.getString("serviceLabel3"),
                        rs.getString("timezone"),
                        rs.getString("twilioPhoneNumber"),
                        rs.getString("twilioPhoneNumberSid"),
                        instant(rs, "twilioWebhookSyncedAt"),
                        rs.getString("stripeCustomerId"),
                        rs.getString("stripeSubscriptionId"),
                        rs.getString("stripePriceId"),
                        rs.getString("subscriptionStatus"),
                        instant(rs, "subscriptionStatusUpdatedAt"),
                        instant(rs, "createdAt"),
                        instant(rs, "updatedAt")),
                each);
    }

    /** Per business, oldest change first: of two that are one phone here, the later is merged last. */
    @Override
    public void consents(Consumer<LegacyConsent> each) {
        stream(
                """
                SELECT "id", "businessId", "phoneNormalized", "phoneRawLastSeen", "optedOut", %s, %s,
                       "lastKeyword", "lastMessageSid", %s, %s
                  FROM "SmsConsent"
                 ORDER BY "businessId", "updatedAt", "id"
                """.formatted(utc("optedOutAt"), utc("optedInAt"), utc("createdAt"), utc("updatedAt")),
                (rs, ctx) -> new LegacyConsent(
                        rs.getString("id"),
                        rs.getString("businessId"),
                        rs.getString("phoneNormalized"),
                        rs.getString("phoneRawLastSeen"),
                        rs.getBoolean("optedOut"),
                        instant(rs, "optedOutAt"),
                        instant(rs, "optedInAt"),
                        rs.getString("lastKeyword"),
                        rs.getString("lastMessageSid"),
                        instant(rs, "createdAt"),
                        instant(rs, "updatedAt")),
                each);
    }

    @Override
    public void calls(Consumer<LegacyCall> each) {
        stream(
                """
                SELECT "id", "businessId", "twilioCallSid", "parentCallSid", "dialCallSid",
                       "fromPhone", "fromPhoneNormalized", "toPhone", "toPhoneNormalized", "dialCallStatus", "status",
                       "callDurationSeconds", "dialCallDurationSeconds", "recordingSid", "recordingUrl",
                       "recordingStatus", "recordingDurationSeconds", "answered", "missed",
                       CAST("rawPayload" AS text) AS "rawPayload", %s, %s
                  FROM "Call"
                 ORDER BY "createdAt", "id"
                """.formatted(utc("createdAt"), utc("updatedAt")),
                (rs, ctx) -> new LegacyCall(
                        rs.getString("id"),
                        rs.getString("businessId"),
                        rs.getString("twilioCallSid"),
                        rs.getString("parentCallSid"),
                        rs.getString("dialCallSid"),
                        rs.getString("fromPhone"),
                        rs.getString("fromPhoneNormalized"),
                        rs.getString("toPhone"),
                        rs.getString("toPhoneNormalized"),
                        rs.getString("dialCallStatus"),
                        rs.getString("status"),
                        integer(rs, "callDurationSeconds"),
                        integer(rs, "dialCallDurationSeconds"),
                        rs.getString("recordingSid"),
                        rs.getString("recordingUrl"),
                        rs.getString("recordingStatus"),
                        integer(rs, "recordingDurationSeconds"),
                        rs.getBoolean("answered"),
                        rs.getBoolean("missed"),
                        rs.getString("rawPayload"),
                        instant(rs, "createdAt"),
                        instant(rs, "updatedAt")),
                each);
    }

    @Override
    public void leads(Consumer<LegacyLead> each) {
        stream(
                """
                SELECT "id", "businessId", "callId", "callerPhone", "callerPhoneNormalized",
                       CAST("status" AS text) AS "status", "billingRequired", CAST("smsState" AS text) AS "smsState",
                       "serviceRequested", "serviceSelectionRaw", "urgency", "zipCode", "bestTime", "contactName",
                       %s, %s, %s, %s, %s, %s, %s, %s, %s
                  FROM "Lead"
                 ORDER BY "createdAt", "id"
                """.formatted(
                                utc("ownerNotifiedAt"),
                                utc("usageLimitNotifiedAt"),
                                utc("smsStartedAt"),
                                utc("smsCompletedAt"),
                                utc("lastInboundAt"),
                                utc("lastOutboundAt"),
                                utc("lastInteractionAt"),
                                utc("createdAt"),
                                utc("updatedAt")),
                (rs, ctx) -> new LegacyLead(
                        rs.getString("id"),
                        rs.getString("businessId"),
                        rs.getString("callId"),
                        rs.getString("callerPhone"),
                        rs.getString("callerPhoneNormalized"),
                        rs.getString("status"),
                        rs.getBoolean("billingRequired"),
                        rs.getString("smsState"),
                        rs.getString("serviceRequested"),
                        rs.getString("serviceSelectionRaw"),
                        rs.getString("urgency"),
                        rs.getString("zipCode"),
                        rs.getString("bestTime"),
                        rs.getString("contactName"),
                        instant(rs, "ownerNotifiedAt"),
                        instant(rs, "usageLimitNotifiedAt"),
                        instant(rs, "smsStartedAt"),
                        instant(rs, "smsCompletedAt"),
                        instant(rs, "lastInboundAt"),
                        instant(rs, "lastOutboundAt"),
                        instant(rs, "lastInteractionAt"),
                        instant(rs, "createdAt"),
                        instant(rs, "updatedAt")),
                each);
    }

    /** Oldest first, so a transcript keeps its order here (messages are ordered by time, then insertion). */
    @Override
    public void messages(Consumer<LegacyMessage> each) {
        stream(
                """
                SELECT "id", "businessId", "leadId", "twilioSid", CAST("direction" AS text) AS "direction",
                       CAST("participant" AS text) AS "participant", "fromPhone", "toPhone", "body", "status",
                       CAST("rawPayload" AS text) AS "rawPayload", %s, %s, %s
                  FROM "Message"
                 ORDER BY "createdAt", "id"
                """.formatted(utc("twilioCreatedAt"), utc("createdAt"), utc("updatedAt")),
                (rs, ctx) -> new LegacyMessage(
                        rs.getString("id"),
                        rs.getString("businessId"),
                        rs.getString("leadId"),
                        rs.getString("twilioSid"),
                        rs.getString("direction"),
                        rs.getString("participant"),
                        rs.getString("fromPhone"),
                        rs.getString("toPhone"),
                        rs.getString("body"),
                        rs.getString("status"),
                        rs.getString("rawPayload"),
                        instant(rs, "twilioCreatedAt"),
                        instant(rs, "createdAt"),
                        instant(rs, "updatedAt")),
                each);
    }

    private <T> void stream(String sql, RowMapper<T> mapper, Consumer<T> each) {
        handle.createQuery(sql).setFetchSize(FETCH_SIZE).map(mapper).forEach(each);
    }

    /** The column as the UTC instant it holds, named as the column. */
    private static String utc(String column) {
        return "CAST(\"" + column + "\" AS timestamp) AT TIME ZONE 'UTC' AS \"" + column + "\"";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** Ends the snapshot (a rollback: there is nothing to commit) and closes the connection. */
    @Override
    public void close() {
        try {
            handle.rollback();
        } finally {
            handle.close();
        }
    }
}
