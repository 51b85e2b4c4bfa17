package com.callbackcloser.db.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * A database shaped like the old Next.js app's (its Prisma schema after its four migrations), on the tests'
 * embedded PostgreSQL, with a way to seed its rows. The DDL is written here from schema.prisma: what Prisma
 * generates for it (enum types, quoted camel-case names, {@code timestamp(3)} holding UTC, jsonb payloads), not
 * a copy of the old migrations.
 */
public final class LegacyDatabase {
    private static final String SCHEMA = """
            CREATE TYPE "SubscriptionStatus" AS ENUM ('INACTIVE', 'ACTIVE', 'PAST_DUE', 'CANCELED');
            CREATE TYPE "LeadStatus" AS ENUM ('NEW', 'QUALIFIED', 'CONTACTED', 'BOOKED');
            CREATE TYPE "SmsConversationState" AS ENUM ('NOT_STARTED', 'AWAITING_SERVICE', 'AWAITING_URGENCY',
                'AWAITING_ZIP', 'AWAITING_BEST_TIME', 'AWAITING_NAME', 'COMPLETED');
            CREATE TYPE "MessageDirection" AS ENUM ('INBOUND', 'OUTBOUND');
            CREATE TYPE "MessageParticipant" AS ENUM ('LEAD', 'OWNER');

            CREATE TABLE "Business" (
                "id"                          text PRIMARY KEY,
                "ownerClerkId"                text NOT NULL UNIQUE,
                "name"                        text NOT NULL,
                "forwardingNumber"            text NOT NULL,
                "notifyPhone"                 text,
                "missedCallSeconds"           integer NOT NULL DEFAULT 20,
                "serviceLabel1"               text NOT NULL DEFAULT 'Repair',
                "serviceLabel2"               text NOT NULL DEFAULT 'Install',
                "serviceLabel3"               text NOT NULL DEFAULT 'Maintenance',
                "timezone"                    text NOT NULL DEFAULT 'America/New_York',
                "twilioPhoneNumber"           text UNIQUE,
                "twilioPhoneNumberSid"        text UNIQUE,
                "twilioWebhookSyncedAt"       timestamp(3),
                "stripeCustomerId"            text UNIQUE,
                "stripeSubscriptionId"        text,
                "stripePriceId"               text,
                "subscriptionStatus"          "SubscriptionStatus" NOT NULL DEFAULT 'INACTIVE',
                "subscriptionStatusUpdatedAt" timestamp(3),
                "createdAt"                   timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "updatedAt"                   timestamp(3) NOT NULL
            );
            CREATE INDEX ON "Business" ("subscriptionStatus");

            CREATE TABLE "Call" (
                "id"                       text PRIMARY KEY,
                "businessId"               text NOT NULL REFERENCES "Business" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
                "twilioCallSid"            text NOT NULL UNIQUE,
                "parentCallSid"            text,
                "dialCallSid"              text UNIQUE,
                "fromPhone"                text NOT NULL,
                "fromPhoneNormalized"      text NOT NULL,
                "toPhone"                  text NOT NULL,
                "toPhoneNormalized"        text NOT NULL,
                "dialCallStatus"           text,
                "status"                   text NOT NULL,
                "callDurationSeconds"      integer,
                "dialCallDurationSeconds"  integer,
                "recordingSid"             text,
                "recordingUrl"             text,
                "recordingStatus"          text,
                "recordingDurationSeconds" integer,
                "answered"                 boolean NOT NULL DEFAULT false,
                "missed"                   boolean NOT NULL DEFAULT false,
                "rawPayload"               jsonb,
                "createdAt"                timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "updatedAt"                timestamp(3) NOT NULL
            );

            CREATE TABLE "Lead" (
                "id"                    text PRIMARY KEY,
                "businessId"            text NOT NULL REFERENCES "Business" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
                "callId"                text UNIQUE REFERENCES "Call" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
                "callerPhone"           text NOT NULL,
                "callerPhoneNormalized" text NOT NULL,
                "status"                "LeadStatus" NOT NULL DEFAULT 'NEW',
                "billingRequired"       boolean NOT NULL DEFAULT false,
                "smsState"              "SmsConversationState" NOT NULL DEFAULT 'NOT_STARTED',
                "serviceRequested"      text,
                "serviceSelectionRaw"   text,
                "urgency"               text,
                "zipCode"               text,
                "bestTime"              text,
                "contactName"           text,
                "ownerNotifiedAt"       timestamp(3),
                "usageLimitNotifiedAt"  timestamp(3),
                "smsStartedAt"          timestamp(3),
                "smsCompletedAt"        timestamp(3),
                "lastInboundAt"         timestamp(3),
                "lastOutboundAt"        timestamp(3),
                "lastInteractionAt"     timestamp(3),
                "createdAt"             timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "updatedAt"             timestamp(3) NOT NULL
            );

            CREATE TABLE "Message" (
                "id"              text PRIMARY KEY,
                "businessId"      text NOT NULL REFERENCES "Business" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
                "leadId"          text REFERENCES "Lead" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
                "twilioSid"       text UNIQUE,
                "direction"       "MessageDirection" NOT NULL,
                "participant"     "MessageParticipant" NOT NULL DEFAULT 'LEAD',
                "fromPhone"       text NOT NULL,
                "toPhone"         text NOT NULL,
                "body"            text NOT NULL,
                "status"          text,
                "rawPayload"      jsonb,
                "twilioCreatedAt" timestamp(3),
                "createdAt"       timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "updatedAt"       timestamp(3) NOT NULL
            );

            CREATE TABLE "SmsConsent" (
                "id"               text PRIMARY KEY,
                "businessId"       text NOT NULL REFERENCES "Business" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
                "phoneNormalized"  text NOT NULL,
                "phoneRawLastSeen" text,
                "optedOut"         boolean NOT NULL DEFAULT false,
                "optedOutAt"       timestamp(3),
                "optedInAt"        timestamp(3),
                "lastKeyword"      text,
                "lastMessageSid"   text,
                "createdAt"        timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "updatedAt"        timestamp(3) NOT NULL,
                UNIQUE ("businessId", "phoneNormalized")
            );
            """;

    /** Columns whose values need a cast from the text a test gives. */
    private static final Map<String, String> CASTS = Map.of(
            "Business.subscriptionStatus", "\"SubscriptionStatus\"",
            "Lead.status", "\"LeadStatus\"",
            "Lead.smsState", "\"SmsConversationState\"",
            "Message.direction", "\"MessageDirection\"",
            "Message.participant", "\"MessageParticipant\"",
            "Call.rawPayload", "jsonb",
            "Message.rawPayload", "jsonb");

    private final TestDatabase database;
    private final Jdbi jdbi;

    private LegacyDatabase(TestDatabase database) {
        this.database = database;
        // Plain JDBI: instants are bound as the UTC wall time Prisma stores, not through the JVM's zone.
        this.jdbi = Jdbi.create(database.dataSource());
    }

    /** A new, empty database with the old app's schema. */
    public static LegacyDatabase create() {
        LegacyDatabase legacy = new LegacyDatabase(TestDatabase.createUnmigrated());
        legacy.jdbi.useHandle(handle -> handle.createScript(SCHEMA).execute());
        return legacy;
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    public String user() {
        return database.user();
    }

    public int port() {
        return database.port();
    }

    /** The database's name on the server (the last part of its URL). */
    public String name() {
        String url = database.jdbcUrl();
        String path = url.substring(url.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** A new connection to it, as the import opens one. */
    public Connection connection() {
        try {
            return database.dataSource().getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row for {@code table} ("Business", "Call", …): set its columns, then {@link Row#insert()}. */
    public Row row(String table) {
        return new Row(table);
    }

    /** One old row being put together; {@code updatedAt} defaults to {@code createdAt}, else now. */
    public final class Row {
        private final String table;
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Row(String table) {
            this.table = table;
        }

        public Row set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        public void insert() {
            if (!values.containsKey("updatedAt")) {
                values.put("updatedAt", values.getOrDefault("createdAt", Instant.now()));
            }
            String columns = values.keySet().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
            String placeholders = values.keySet().stream()
                    .map(c -> CASTS.containsKey(table + "." + c)
                            ? "CAST(CAST(:" + c + " AS text) AS " + CASTS.get(table + "." + c) + ")"
                            : ":" + c)
                    .collect(Collectors.joining(", "));
            jdbi.useHandle(handle -> {
                Update insert = handle.createUpdate(
                        "INSERT INTO \"" + table + "\" (" + columns + ") VALUES (" + placeholders + ")");
                values.forEach((column, value) -> insert.bind(
                        column,
                        value instanceof Instant instant ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : value));
                insert.execute();
            });
        }
    }
}
