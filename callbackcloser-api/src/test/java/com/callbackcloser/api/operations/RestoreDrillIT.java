package com.callbackcloser.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.callbackcloser.api.testing.CommandLine;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.adapter.JdbiTransactionRunner;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backup restore drill, for real: PostgreSQL's pg_dump and pg_restore (from the PATH, as an operator has them)
 * and the service started as its own process on the restored copy.
 */
class RestoreDrillIT {
    private final TestDatabase database = TestDatabase.create();

    @BeforeAll
    static void needsPostgresClientTools() {
        boolean onPath = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, "pg_dump")));
        assumeTrue(onPath, "pg_dump is not on the PATH (Debian: apt-get install postgresql-client)");
    }

    @Test
    void restoresEveryRowIntoAScratchDatabaseStartsTheServiceThereAndDropsItAfter() {
        JdbiTransactionRunner transactions = new JdbiTransactionRunner(database.jdbi());
        for (int i = 0; i < 3; i++) {
            TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE);
        }
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO audit_events (actor, action, created_at) VALUES ('drill', 'seeded', now())"));

        CommandLine.Run run = CommandLine.run("restore-drill", config().toString());

        assertThat(run.failed()).as(run.out() + run.err()).isFalse();
        assertThat(run.out())
                .containsPattern("public\\.businesses +3 +3 +ok")
                .containsPattern("public\\.audit_events +1 +1 +ok")
                .containsPattern("public\\.databasechangelog +(\\d+) +\\1 +ok")
                .contains("started on the copy")
                .contains("postgresql=true", "schema=true")
                .contains("RESTORE DRILL PASSED")
                .doesNotContain("MISMATCH");
        assertThat(drillDatabases()).isEmpty();
    }

    @Test
    void refusesATargetThatAlreadyHoldsTablesAndLeavesItUntouched() {
        TestDatabase occupied = TestDatabase.create();
        TestBusinesses.create(new JdbiTransactionRunner(occupied.jdbi()), SubscriptionStatus.ACTIVE);

        CommandLine.Run run = CommandLine.run("restore-drill", config().toString(), "--target-url", occupied.jdbcUrl());

        assertThat(run.failed()).isTrue();
        assertThat(run.err()).contains("already has tables: the drill restores only into an empty database");
        long businesses = occupied.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT count(*) FROM businesses")
                        .mapTo(Long.class)
                        .one());
        assertThat(businesses).isEqualTo(1);
    }

    @Test
    void saysWhichToolsItNeedsWhenPgDumpIsOlderThanTheServer() throws Exception {
        Path bin = Files.createTempDirectory("old-pg-bin");
        for (String tool : List.of("pg_dump", "pg_restore")) {
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\necho '" + tool + " (PostgreSQL) 9.6.24'\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        }

        CommandLine.Run run = CommandLine.run("restore-drill", config(bin).toString());

        assertThat(run.failed()).isTrue();
        assertThat(run.err())
                .contains("pg_dump 9.6 cannot dump a PostgreSQL 15 server")
                .contains("PG_BIN");
        assertThat(drillDatabases()).isEmpty();
    }

    private Path config() {
        return config(null);
    }

    private Path config(Path pgBin) {
        return CommandLine.config(
                """
                database:
                  url: %s
                  user: %s
                server:
                  applicationConnectors: [{ type: http, port: 0 }]
                  adminConnectors: [{ type: http, port: 0 }]
                logging:
                  level: WARN
                %s""".formatted(database.jdbcUrl(), database.user(), pgBin == null ? "" : "backup:\n  pgBin: " + pgBin));
    }

    private List<String> drillDatabases() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT datname FROM pg_database WHERE datname LIKE 'callbackcloser\\_restore\\_drill\\_%'")
                        .mapTo(String.class)
                        .list());
    }
}
