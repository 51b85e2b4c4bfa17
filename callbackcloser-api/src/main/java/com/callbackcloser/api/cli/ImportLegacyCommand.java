package com.callbackcloser.api.cli;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.db.PostgresUrl;
import com.callbackcloser.core.model.Plans;
import com.callbackcloser.core.model.legacy.ImportReport;
import com.callbackcloser.core.model.legacy.LegacyTable;
import com.callbackcloser.core.model.legacy.SkippedRow;
import com.callbackcloser.core.model.legacy.TableCount;
import com.callbackcloser.core.port.in.ImportLegacy;
import com.callbackcloser.core.port.out.ImportProgress;
import com.callbackcloser.core.service.LegacyImportService;
import com.callbackcloser.db.legacy.JdbiLegacyImportTarget;
import com.callbackcloser.db.legacy.PrismaLegacySource;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code import-legacy config.yml --from postgres://…old… [--dry-run]}: brings a business's history over from the
 * old Next.js app's database (docs/MIGRATING.md). It reads the old database in one read-only snapshot and never
 * writes there; it writes into this service's database, rows of the old app claimed by their old ids so that a
 * second run, or a run after one that stopped half-way, writes only what is missing. Prints per old table how many
 * rows were read, imported, already there and skipped, each skipped row with its reason; exits non-zero when a row
 * could not be imported, and before writing anything when the source is not the old app's database or ours is not
 * migrated.
 */
public final class ImportLegacyCommand extends OperatorCommand {
    /** A line of progress every this many rows of a table. */
    private static final long PROGRESS_EVERY = 5_000;
    /** Old ids named on a line of rows skipped for one reason. */
    private static final int LISTED_IDS = 5;

    private final PrintStream out;

    public ImportLegacyCommand() {
        this(System.out);
    }

    ImportLegacyCommand(PrintStream out) {
        super("import-legacy", "Import the old app's database (businesses, consents, calls, leads, messages)");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("--from")
                .dest("from")
                .metavar("URL")
                .required(true)
                .help("the old app's database: postgres://, postgresql:// or jdbc:postgresql:// (read, never written)");
        subparser
                .addArgument("--dry-run")
                .dest("dryRun")
                .action(Arguments.storeTrue())
                .help("say what would be imported and what could not be; write nothing");
        subparser
                .addArgument("--batch-size")
                .dest("batchSize")
                .type(Integer.class)
                .setDefault(ImportLegacy.DEFAULT_BATCH_SIZE)
                .help("calls, leads and messages per transaction");
    }

    @Override
    protected void run(
            Bootstrap<CallbackCloserConfiguration> bootstrap, Namespace namespace, CallbackCloserConfiguration config)
            throws Exception {
        PostgresUrl from = parseFrom(namespace.getString("from"));
        ImportLegacy command = new ImportLegacy(namespace.getBoolean("dryRun"), namespace.getInt("batchSize"));
        try (CommandDatabase database = new CommandDatabase(config)) {
            ImportReport report = importFrom(
                    from,
                    database.jdbi(),
                    config.getPlans().toPlans(config.getStripe()),
                    command,
                    new ProgressLines(out),
                    out);
            verdict(report, out);
        }
    }

    /** {@code --from} as DATABASE_URL is read; a bad one is named as the option it is. */
    static PostgresUrl parseFrom(String value) {
        try {
            return PostgresUrl.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("DATABASE_URL", "--from"), e);
        }
    }

    /** One run from {@code from} into {@code ours}; prints where from and the table of counts. */
    static ImportReport importFrom(
            PostgresUrl from, Jdbi ours, Plans plans, ImportLegacy command, ImportProgress progress, PrintStream out) {
        out.println("import-legacy: from " + describe(from) + " (read only) into this service's database"
                + (command.dryRun() ? ": DRY RUN, nothing is written" : ""));
        try (PrismaLegacySource source = PrismaLegacySource.open(connect(from))) {
            ImportReport report = new LegacyImportService(
                            source, new JdbiLegacyImportTarget(ours), plans, progress, Clock.systemUTC())
                    .importLegacy(command);
            print(report, out);
            return report;
        }
    }

    private static Connection connect(PostgresUrl from) {
        Properties properties = new Properties();
        if (from.user() != null) {
            properties.setProperty("user", from.user());
        }
        if (from.password() != null) {
            properties.setProperty("password", from.password());
        }
        // Read-only on the connection as well as in the snapshot's transaction: nothing here ever writes there.
        properties.setProperty("readOnly", "true");
        properties.setProperty("readOnlyMode", "always");
        properties.setProperty("ApplicationName", "callbackcloser import-legacy");
        if (from.isPooler() && !from.jdbcUrl().contains("prepareThreshold=")) {
            // As for DATABASE_URL: a transaction-mode pooler may not have the driver's prepared statements.
            properties.setProperty("prepareThreshold", "0");
        }
        try {
            return DriverManager.getConnection(from.jdbcUrl(), properties);
        } catch (SQLException e) {
            // The driver's messages name the host and the user, never the password.
            throw new CommandFailedException(
                    "cannot connect to the old database at " + describe(from) + ": " + e.getMessage());
        }
    }

    /** Host, port and database only: the query (which may carry a password) and any user info are left out. */
    static String describe(PostgresUrl url) {
        String withoutQuery = url.jdbcUrl().split("\\?", 2)[0].replaceFirst("//[^/@]*@", "//");
        return withoutQuery + (url.user() == null ? "" : " as " + url.user());
    }

    private static void print(ImportReport report, PrintStream out) {
        out.printf(
                "%-12s %8s %10s %14s %8s%n",
                "table", "read", report.dryRun() ? "to import" : "imported", "already there", "skipped");
        for (LegacyTable table : LegacyTable.values()) {
            TableCount count = report.count(table);
            out.printf(
                    "%-12s %8d %10d %14d %8d%n",
                    table.oldName(), count.read(), count.imported(), count.alreadyThere(), count.skipped());
        }
        if (!report.skipped().isEmpty()) {
            out.println((report.dryRun() ? "cannot be imported (" : "not imported (")
                    + report.skipped().size() + "):");
            // Rows skipped for the same reason (the many calls of one business not imported) share a line.
            Map<String, List<SkippedRow>> byReason = report.skipped().stream()
                    .collect(Collectors.groupingBy(
                            row -> row.table().oldName() + ": " + row.reason(),
                            LinkedHashMap::new,
                            Collectors.toList()));
            byReason.forEach((reason, rows) -> out.println("  " + (rows.size() == 1 ? rows.get(0) : group(rows))));
        }
        if (!report.notes().isEmpty()) {
            out.println("notes:");
            report.notes().forEach(note -> out.println("  " + note));
        }
    }

    private static String group(List<SkippedRow> rows) {
        List<String> ids = rows.stream().map(SkippedRow::legacyId).toList();
        String listed = ids.size() <= LISTED_IDS
                ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, LISTED_IDS)) + " and " + (ids.size() - LISTED_IDS) + " more";
        return rows.get(0).table().oldName() + " (" + rows.size() + " rows: " + listed + "): "
                + rows.get(0).reason();
    }

    /** The last line, and the exit status: non-zero while any old row is not here. */
    static void verdict(ImportReport report, PrintStream out) {
        long imported = total(report, TableCount::imported);
        long there = total(report, TableCount::alreadyThere);
        if (!report.complete()) {
            throw new CommandFailedException(report.skipped().size()
                    + (report.dryRun()
                            ? " old rows cannot be imported (listed above): resolve them before the real run"
                            : " old rows were not imported (listed above): resolve them and run again; what was"
                                    + " imported stays, and the next run adds only what is missing"));
        }
        if (report.dryRun()) {
            out.println("dry run: " + imported + " rows would be imported, " + there + " are already here");
        } else if (report.changedNothing()) {
            out.println("nothing to import: all " + there + " rows of the old database are already here;"
                    + " nothing was changed");
        } else {
            out.println("done: " + imported + " rows imported, " + there + " already here."
                    + " Next: re-sync the numbers' webhooks (docs/MIGRATING.md)");
        }
    }

    private static long total(ImportReport report, ToLongFunction<TableCount> field) {
        return report.counts().values().stream().mapToLong(field).sum();
    }

    /** A line now and then on a long import, so the operator sees it move. */
    private static final class ProgressLines implements ImportProgress {
        private final PrintStream out;

        ProgressLines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void batchDone(LegacyTable table, long read) {
            if (read % PROGRESS_EVERY == 0) {
                out.println("  " + table.oldName() + ": " + read + " rows so far");
            }
        }
    }
}
