package com.callbackcloser.api.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL server of the bench's own (the embedded server's binaries and version), set up to be measured:
 * pg_stat_statements loaded, statements logged to a CSV file on request, synchronous commit on as in
 * production. It can be stopped and started again on the same data, for fault injection.
 */
public final class BenchDatabase implements AutoCloseable {
    public static final String DATABASE = "callbackcloser";
    private static final String USER = "postgres";

    private final Path dataDirectory;
    private final Path logDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private BenchDatabase(Path dataDirectory, Path logDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.logDirectory = logDirectory;
        this.port = port;
    }

    public static BenchDatabase start(Path workDirectory) throws IOException, SQLException {
        Path data = Files.createDirectories(workDirectory.resolve("postgres"));
        Path logs = Files.createDirectories(workDirectory.resolve("postgres-log"));
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        BenchDatabase database = new BenchDatabase(data, logs, port);
        database.server = database.boot();
        try (Connection connection = database.connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection connection = database.connect(DATABASE);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION pg_stat_statements");
        }
        return database;
    }

    /** The data directory is new and the bench's own; kept when the server stops, so an outage loses nothing. */
    private EmbeddedPostgres boot() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "400")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_destination", "csvlog")
                .setServerConfig("log_directory", logDirectory.toString())
                .setServerConfig("log_filename", "postgresql")
                .setServerConfig("log_rotation_age", "0")
                .setServerConfig("log_rotation_size", "0")
                .start();
    }

    /** The URL the service gets as DATABASE_URL. */
    public String url() {
        return "postgres://" + USER + "@127.0.0.1:" + port + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public Connection connect() throws SQLException {
        return connect(DATABASE);
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, "");
    }

    /** Stops the server, waits, and starts it again on the same data and port: an outage. */
    public void outage(Duration down) throws IOException, InterruptedException {
        server.close();
        Thread.sleep(down.toMillis());
        server = boot();
    }

    public long count(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public void resetStatementStatistics() throws SQLException {
        execute("SELECT pg_stat_statements_reset()");
    }

    /** What pg_stat_statements saw the service run since the last reset, most called first. */
    public List<StatementStatistics> statementStatistics() throws SQLException {
        List<StatementStatistics> statistics = new ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT query, calls, mean_exec_time FROM pg_stat_statements"
                        + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " AND query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC")) {
            while (rs.next()) {
                statistics.add(new StatementStatistics(rs.getString(1), rs.getLong(2), rs.getDouble(3)));
            }
        }
        return statistics;
    }

    public record StatementStatistics(String query, long calls, double meanMillis) {}

    /**
     * Runs {@code action} with every statement logged, and returns the service's statements in the order
     * PostgreSQL executed them, with their parameters.
     */
    public List<LoggedStatement> capture(ThrowingRunnable action) throws Exception {
        Path file = logDirectory.resolve("postgresql.csv");
        long offset = Files.exists(file) ? Files.size(file) : 0;
        setLogStatement("all");
        try {
            action.run();
        } finally {
            setLogStatement("none");
        }
        Thread.sleep(500);
        byte[] bytes;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(offset);
            bytes = new byte[(int) (raf.length() - offset)];
            raf.readFully(bytes);
        }
        return LoggedStatement.parse(new String(bytes, StandardCharsets.UTF_8), "callbackcloser");
    }

    private void setLogStatement(String value) throws SQLException, InterruptedException {
        execute("ALTER SYSTEM SET log_statement = '" + value + "'");
        execute("SELECT pg_reload_conf()");
        // Backends apply a reload before their next command; give idle ones a moment.
        Thread.sleep(300);
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
