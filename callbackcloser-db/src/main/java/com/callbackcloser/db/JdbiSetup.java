package com.callbackcloser.db;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The one place that says how this service talks to Postgres through JDBI. */
public final class JdbiSetup {
    private JdbiSetup() {}

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.registerArgument(new InstantAsTimestamptz());
        return jdbi;
    }

    /**
     * JDBI binds an Instant through {@code java.sql.Timestamp}, which passes through the JVM's default zone.
     * Binding an OffsetDateTime at UTC keeps timestamptz values exact whatever zone the JVM runs in.
     */
    private static final class InstantAsTimestamptz extends AbstractArgumentFactory<Instant> {
        InstantAsTimestamptz() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
            return (position, statement, context) -> statement.setObject(position, utc, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }
}
