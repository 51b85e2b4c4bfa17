package com.callbackcloser.db.testing;

import com.callbackcloser.db.DatabaseMigrator;
import com.callbackcloser.db.JdbiSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * One embedded PostgreSQL per test JVM, with the schema migrated once into a template database. Each test
 * class (or test) takes a fresh database cloned from the template, which is fast (tens of milliseconds)
 * and keeps tests independent of each other's rows.
 */
public final class TestDatabase {
    private static final String TEMPLATE = "callbackcloser_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** A new, migrated, empty database. */
    public static TestDatabase create() {
        return createDatabase("TEMPLATE " + TEMPLATE);
    }

    /** A new database without any schema, for testing the migrations themselves. */
    public static TestDatabase createUnmigrated() {
        return createDatabase("");
    }

    private static TestDatabase createDatabase(String options) {
        EmbeddedPostgres postgres = server();
        String name = "test_" + COUNTER.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " " + options);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database", e);
        }
        return new TestDatabase(name);
    }

    public String jdbcUrl() {
        return server().getJdbcUrl("postgres", name);
    }

    public String user() {
        return "postgres";
    }

    public DataSource dataSource() {
        return server().getDatabase("postgres", name);
    }

    public Jdbi jdbi() {
        return JdbiSetup.configure(Jdbi.create(dataSource()));
    }

    public int port() {
        return server().getPort();
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
                try (Connection connection = server.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + TEMPLATE);
                }
                DatabaseMigrator.migrate(server.getDatabase("postgres", TEMPLATE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }
}
