package com.callbackcloser.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server for development, run from the binaries on the classpath and keeping its data in a
 * directory of the checkout, so a restart keeps what was there. A second process (a CLI command while the
 * server runs) attaches to the server already running on that directory instead of starting another.
 * Never used in production: the application refuses to start it there.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String USER = "postgres";
    /**
     * The major version of the bundled server. It matches Debian 12's client tools (pg_dump 15), so backups of
     * the development database work with what the distribution ships, and it is the oldest server we support.
     */
    public static final int SERVER_MAJOR_VERSION = 15;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres startedHere;
    private final int port;
    private final String databaseName;

    private EmbeddedDatabase(EmbeddedPostgres startedHere, int port, String databaseName) {
        this.startedHere = startedHere;
        this.port = port;
        this.databaseName = databaseName;
    }

    /** Attaches to the server running on {@code dataDirectory}, or starts one, and creates the database. */
    public static EmbeddedDatabase startOrAttach(Path dataDirectory, int port, String databaseName) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        EmbeddedPostgres started = null;
        if (!isOurServerRunning(directory, port)) {
            started = start(directory, port);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(started, port, databaseName);
        database.createDatabaseIfMissing();
        return database;
    }

    public String jdbcUrl() {
        return jdbcUrl(port, databaseName);
    }

    public String user() {
        return USER;
    }

    public boolean startedByThisProcess() {
        return startedHere != null;
    }

    /** Stops the server if this process started it; one it attached to keeps running. */
    @Override
    public void close() {
        if (startedHere != null) {
            try {
                startedHere.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static EmbeddedPostgres start(Path directory, int port) {
        refuseDataOfAnotherVersion(directory);
        try {
            Files.createDirectories(directory);
            LOG.info("Starting embedded PostgreSQL on port {} with data in {}", port, directory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not start embedded PostgreSQL in " + directory + " on port " + port
                            + " (is another server using that port? set EMBEDDED_DB_PORT)",
                    e);
        }
    }

    /** PostgreSQL cannot read another major version's data directory; say so instead of a startup failure. */
    private static void refuseDataOfAnotherVersion(Path directory) {
        Path versionFile = directory.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return;
        }
        String created;
        try {
            created = Files.readString(versionFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!created.equals(Integer.toString(SERVER_MAJOR_VERSION))) {
            throw new IllegalStateException(directory + " holds data of PostgreSQL " + created
                    + " but the embedded server is PostgreSQL " + SERVER_MAJOR_VERSION
                    + ": move that directory away (or set EMBEDDED_DB_DIR) to start with an empty database");
        }
    }

    /**
     * Whether a server answers on the port and serves our data directory. Anything else on that port is
     * someone else's server: refuse rather than write into it.
     */
    private static boolean isOurServerRunning(Path directory, int port) {
        try (Connection connection = connect(jdbcUrl(port, "postgres"));
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1)).toAbsolutePath().normalize();
            if (!served.equals(directory)) {
                throw new IllegalStateException("port " + port + " is taken by a PostgreSQL server for " + served
                        + ", not " + directory + "; set EMBEDDED_DB_PORT to a free port");
            }
            LOG.info("Attaching to the embedded PostgreSQL already running on port {}", port);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = connect(jdbcUrl(port, "postgres"));
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + databaseName.replace("'", "''") + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE \"" + databaseName.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            // Two processes starting at once may both try; the loser finds the database there.
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("could not create database " + databaseName, e);
            }
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(url, properties);
    }

    private static String jdbcUrl(int port, String databaseName) {
        return "jdbc:postgresql://localhost:" + port + "/" + databaseName;
    }
}
