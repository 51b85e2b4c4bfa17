package com.callbackcloser.api.testing;

import com.callbackcloser.db.DatabaseMigrator;
import com.callbackcloser.db.JdbiSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * A PostgreSQL server of one test's own, migrated, that the test can stop and start again on the same data and
 * port: a real database outage, which the shared {@code TestDatabase} server (used by every other test in the JVM)
 * must never suffer.
 */
public final class StoppablePostgres implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private StoppablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static StoppablePostgres startMigrated() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            StoppablePostgres postgres =
                    new StoppablePostgres(Files.createTempDirectory("callbackcloser-outage-pg"), port);
            postgres.start();
            DatabaseMigrator.migrate(postgres.server.getPostgresDatabase());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the data it had. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server for real: every connection to it is refused until {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    /** Connects anew on every use, so it works again after a restart. */
    public Jdbi jdbi() {
        return JdbiSetup.configure(Jdbi.create(jdbcUrl(), user(), ""));
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
