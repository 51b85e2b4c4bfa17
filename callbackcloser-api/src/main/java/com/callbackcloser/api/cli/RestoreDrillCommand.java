package com.callbackcloser.api.cli;

import com.callbackcloser.api.CallbackCloserApplication;
import com.callbackcloser.api.backup.LibpqTarget;
import com.callbackcloser.api.backup.PgTools;
import com.callbackcloser.api.backup.ServiceOnCopy;
import com.callbackcloser.api.backup.TableCounts;
import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.config.DatabaseConfiguration;
import com.callbackcloser.api.db.DatabaseConnector;
import com.callbackcloser.api.db.DatabaseNotMigratedException;
import com.callbackcloser.api.db.PostgresUrl;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code restore-drill config.yml}: proves the database can be brought back. It dumps the database with pg_dump
 * from one exported snapshot (so the row counts it compares are the dump's own, even under live traffic),
 * restores the dump into a scratch database (or {@code --target-url}, which must be empty), starts the service
 * on the copy and checks that it comes up healthy, connected to the copy, with every table's row count equal to
 * the source's. Exits non-zero otherwise.
 */
public final class RestoreDrillCommand extends OperatorCommand {
    /** The service cannot run without these; the others (outbox age, say) describe the data, not the restore. */
    private static final Set<String> REQUIRED_HEALTH_CHECKS = Set.of("postgresql", "schema");

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(2);
    private static final DateTimeFormatter SCRATCH_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final PrintStream out;

    public RestoreDrillCommand() {
        this(System.out);
    }

    RestoreDrillCommand(PrintStream out) {
        super("restore-drill", "Dump the database, restore it into a scratch database and start the service on it");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("--target-url")
                .dest("targetUrl")
                .help("an empty database to restore into (default: a scratch database on the same server,"
                        + " dropped afterwards)");
        subparser
                .addArgument("--keep")
                .action(Arguments.storeTrue())
                .help("keep the scratch database, the dump and the service's log for a look afterwards");
    }

    @Override
    protected void run(
            Bootstrap<CallbackCloserConfiguration> bootstrap, Namespace namespace, CallbackCloserConfiguration config)
            throws Exception {
        boolean keep = namespace.getBoolean("keep");
        String targetUrl = namespace.getString("targetUrl");
        // The direct URL: an exported snapshot does not survive a transaction-mode pooler.
        DatabaseConnector connector = DatabaseConnector.forMigrations(config);
        Path work = Files.createTempDirectory("callbackcloser-restore-drill");
        try {
            DatabaseConfiguration database = config.getDatabase();
            try (Connection connection = DatabaseConnector.openDirect(database)) {
                // A drill of a database without the service's tables proves nothing and fails late.
                DatabaseNotMigratedException.requireMigrated(connection);
            }
            LibpqTarget source = LibpqTarget.fromJdbc(database.getUrl(), database.getUser(), database.getPassword());
            LibpqTarget target = targetUrl == null ? scratchOn(source) : explicitTarget(targetUrl, source);
            Path pgpass = writePgpass(work, source, target);
            PgTools tools = PgTools.locate(
                    config.getBackup().getPgBin(), Objects.requireNonNullElse(System.getenv("PATH"), ""));
            Drill drill = new Drill(tools, source, target, work.resolve("callbackcloser.dump"), pgpass);

            out.println(
                    "restore drill: " + source.jdbcUrl() + " -> " + target.jdbcUrl() + ", pg_dump " + tools.version());
            Map<String, Long> sourceCounts = drill.dump(database);
            if (targetUrl == null) {
                drill.createScratchDatabase(database);
            } else {
                drill.requireEmptyTarget();
            }
            try {
                boolean passed = drill.restoreAndCheck(bootstrap, namespace.getString("file"), sourceCounts, work);
                if (!passed) {
                    throw new CommandFailedException("restore drill failed (details above)");
                }
            } finally {
                if (targetUrl == null && !keep) {
                    drill.dropScratchDatabase(database);
                }
            }
        } finally {
            if (keep) {
                out.println("kept: " + work + (targetUrl == null ? " and the scratch database" : ""));
            } else {
                deleteRecursively(work);
            }
            connector.stop();
        }
    }

    private static LibpqTarget scratchOn(LibpqTarget source) {
        String suffix = LocalDateTime.now(ZoneOffset.UTC).format(SCRATCH_SUFFIX);
        return source.withDatabase("callbackcloser_restore_drill_" + suffix);
    }

    /** A target URL without credentials borrows the source's, as a second database on the same server would. */
    private static LibpqTarget explicitTarget(String url, LibpqTarget source) {
        PostgresUrl parsed = PostgresUrl.parse(url);
        return parsed.user() == null
                ? LibpqTarget.fromJdbc(parsed.jdbcUrl(), source.user(), source.password())
                : LibpqTarget.fromJdbc(parsed.jdbcUrl(), parsed.user(), parsed.password());
    }

    private static Path writePgpass(Path work, LibpqTarget source, LibpqTarget target) throws IOException {
        Path pgpass = work.resolve("pgpass");
        Files.createFile(pgpass);
        // libpq ignores a password file others can read.
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(pgpass, target.pgpassLine() + source.pgpassLine());
        return pgpass;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The steps, each printing one line with what it did and how long it took. */
    private final class Drill {
        private final PgTools tools;
        private final LibpqTarget source;
        private final LibpqTarget target;
        private final Path dumpFile;
        private final Path pgpass;

        Drill(PgTools tools, LibpqTarget source, LibpqTarget target, Path dumpFile, Path pgpass) {
            this.tools = tools;
            this.source = source;
            this.target = target;
            this.dumpFile = dumpFile;
            this.pgpass = pgpass;
        }

        /** Counts every table and dumps them from one snapshot, so the counts are exactly what the dump holds. */
        Map<String, Long> dump(DatabaseConfiguration database) throws SQLException, IOException {
            long started = System.nanoTime();
            try (Connection snapshot = DatabaseConnector.openDirect(database)) {
                tools.requireCanDump(serverMajorVersion(snapshot));
                snapshot.setAutoCommit(false);
                snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                snapshot.setReadOnly(true);
                String snapshotId = single(snapshot, "SELECT pg_export_snapshot()");
                Map<String, Long> counts = TableCounts.count(snapshot);
                tools.dump(source, snapshotId, dumpFile, pgpass);
                snapshot.commit();
                out.printf(
                        "  dump      %d tables, %d rows, %d KiB in %s%n",
                        counts.size(), total(counts), Files.size(dumpFile) / 1024, since(started));
                return counts;
            }
        }

        void createScratchDatabase(DatabaseConfiguration database) throws SQLException {
            try (Connection connection = DatabaseConnector.openDirect(database);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + quote(target.database()));
            } catch (SQLException e) {
                throw new IllegalArgumentException(
                        "could not create the scratch database " + target.database() + " (" + e.getMessage()
                                + "): give the role CREATEDB, or pass --target-url with an empty database",
                        e);
            }
        }

        void dropScratchDatabase(DatabaseConfiguration database) throws SQLException {
            try (Connection connection = DatabaseConnector.openDirect(database);
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + quote(target.database()) + " WITH (FORCE)");
            }
        }

        void requireEmptyTarget() throws SQLException {
            try (Connection connection = connectToTarget()) {
                if (!TableCounts.count(connection).isEmpty()) {
                    throw new IllegalArgumentException("the target database " + target.database()
                            + " already has tables: the drill restores only into an empty database");
                }
            }
        }

        boolean restoreAndCheck(
                Bootstrap<CallbackCloserConfiguration> bootstrap,
                String configFile,
                Map<String, Long> sourceCounts,
                Path work)
                throws Exception {
            long started = System.nanoTime();
            tools.restore(dumpFile, target, pgpass);
            out.printf("  restore   into %s in %s%n", target.database(), since(started));

            Map<String, Long> restoredCounts;
            try (Connection connection = connectToTarget()) {
                restoredCounts = TableCounts.count(connection);
            }
            boolean countsMatch = compare(sourceCounts, restoredCounts);

            started = System.nanoTime();
            Map<String, Boolean> verdicts;
            int connections;
            try (ServiceOnCopy service =
                    ServiceOnCopy.start(CallbackCloserApplication.class, configFile, target, pgpass, work)) {
                verdicts = service.awaitHealthChecks(SERVICE_START_TIMEOUT, bootstrap.getObjectMapper());
                connections = serviceConnections();
            }
            boolean healthy = REQUIRED_HEALTH_CHECKS.stream().allMatch(name -> verdicts.getOrDefault(name, false));
            boolean onTheCopy = connections > 0;
            out.printf(
                    "  service   %s in %s, %d connection(s) to the copy; health checks %s%n",
                    healthy && onTheCopy ? "started on the copy" : "NOT healthy on the copy",
                    since(started),
                    connections,
                    verdicts);

            boolean passed = countsMatch && healthy && onTheCopy;
            out.println(
                    passed
                            ? "RESTORE DRILL PASSED: " + restoredCounts.size() + " tables, " + total(restoredCounts)
                                    + " rows, every count matches"
                            : "RESTORE DRILL FAILED");
            return passed;
        }

        private boolean compare(Map<String, Long> sourceCounts, Map<String, Long> restoredCounts) {
            Set<String> tables = new TreeSet<>(sourceCounts.keySet());
            tables.addAll(restoredCounts.keySet());
            boolean match = true;
            out.printf("  %-40s %10s %10s%n", "table", "source", "restored");
            for (String table : tables) {
                Long before = sourceCounts.get(table);
                Long after = restoredCounts.get(table);
                boolean same = before != null && before.equals(after);
                match &= same;
                out.printf(
                        "  %-40s %10s %10s  %s%n",
                        table, before == null ? "-" : before, after == null ? "-" : after, same ? "ok" : "MISMATCH");
            }
            return match;
        }

        /** The service's pool holds connections to the copy while it runs: proof it is not on another database. */
        private int serviceConnections() throws SQLException {
            try (Connection connection = connectToTarget()) {
                return Integer.parseInt(single(
                        connection,
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND pid <> pg_backend_pid()"));
            }
        }

        private Connection connectToTarget() throws SQLException {
            Properties properties = new Properties();
            if (target.user() != null) {
                properties.setProperty("user", target.user());
            }
            if (target.password() != null) {
                properties.setProperty("password", target.password());
            }
            return DriverManager.getConnection(target.jdbcUrl(), properties);
        }
    }

    private static int serverMajorVersion(Connection connection) throws SQLException {
        return Integer.parseInt(single(connection, "SHOW server_version_num")) / 10_000;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String since(long startedNanos) {
        return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
