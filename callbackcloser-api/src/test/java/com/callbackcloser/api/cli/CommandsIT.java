package com.callbackcloser.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.api.CallbackCloserApplication;
import com.callbackcloser.db.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The operator commands, run through the application's command line as an operator would. */
class CommandsIT {

    @Test
    void dbMigrateCreatesTheSchemaOnTheMigrationUrlAndStatusReportsItUpToDate() throws Exception {
        TestDatabase empty = TestDatabase.createUnmigrated();
        // The pooled URL is unusable; migrations must go to the direct one.
        Path config = config("postgres://nobody@pooler.invalid:1/none", empty.jdbcUrl());

        run("db", "migrate", config.toString());
        String status = run("db", "status", config.toString());

        List<String> tables = empty.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
                        .mapTo(String.class)
                        .list());
        assertThat(tables).contains("businesses", "calls", "leads", "messages", "sms_consents", "databasechangelog");
        assertThat(status).contains("is up to date");
    }

    @Test
    void businessCreateThenListShowsTheBusiness() throws Exception {
        Path config = config(TestDatabase.create().jdbcUrl(), "");

        String created = run(
                "business",
                "create",
                config.toString(),
                "--name",
                "Acme Plumbing",
                "--forwarding",
                "(415) 555-0199",
                "--twilio-number",
                "415-555-0100",
                "--subscription",
                "active");
        String listed = run("business", "list", config.toString());

        assertThat(created)
                .contains(
                        "Acme Plumbing",
                        "twilio=+14155550100",
                        "forwarding=+14155550199",
                        "subscription=ACTIVE",
                        "price=manual:starter");
        assertThat(listed).contains("Acme Plumbing", "twilio=+14155550100");
    }

    @Test
    void businessCreateRefusesAnInvalidPhoneAndADuplicateTwilioNumber() throws Exception {
        Path config = config(TestDatabase.create().jdbcUrl(), "");
        run(
                "business",
                "create",
                config.toString(),
                "--name",
                "Acme",
                "--forwarding",
                "+14155550199",
                "--twilio-number",
                "+14155550100");

        assertThatThrownBy(
                        () -> run("business", "create", config.toString(), "--name", "Acme", "--forwarding", "12345"))
                .hasMessageContaining("forwarding number is not a valid phone number");
        assertThatThrownBy(() -> run(
                        "business",
                        "create",
                        config.toString(),
                        "--name",
                        "Other",
                        "--forwarding",
                        "+14155550199",
                        "--twilio-number",
                        "+14155550100"))
                .hasMessageContaining("already exists");
    }

    @Test
    void everyCommandThatReadsTheDatabaseSaysRunDbMigrateFirstInOneLineOnADatabaseNeverMigrated() throws Exception {
        TestDatabase empty = TestDatabase.createUnmigrated();
        String config = config(empty.jdbcUrl(), "").toString();
        String business = UUID.randomUUID().toString();
        List<List<String>> commands = List.of(
                List.of("business", "list", config),
                List.of("business", "create", config, "--name", "Acme", "--forwarding", "+14155550199"),
                List.of("business", "subscription", config, "--id", business, "--status", "active"),
                List.of("leads", config),
                List.of("billing", "usage", config, "--business", business),
                List.of("billing", "checkout", config, "--business", business, "--plan", "starter"),
                List.of("billing", "portal", config, "--business", business),
                List.of("api-key", "create", config, "--subject", "owner_1"),
                List.of("restore-drill", config),
                // Refused before it opens the old app's database too.
                List.of("import-legacy", config, "--from", empty.jdbcUrl(), "--dry-run"));

        for (List<String> command : commands) {
            Outcome outcome = runCapturing(command.toArray(String[]::new));

            assertThat(outcome.failure()).as("%s must fail", command).isNotNull();
            assertThat(outcome.err().lines().toList())
                    .as("the stderr of %s", command)
                    .containsExactly("error: the database was never migrated (it has none of the service's tables):"
                            + " run db migrate first: java -jar callbackcloser.jar db migrate " + config);
            assertThat(outcome.out()).as("the stdout of %s", command).doesNotContain("Exception", "\tat ");
        }
        assertThat(tables(empty)).as("nothing created on the way").isEmpty();
    }

    @Test
    void theServerRefusesToStartOnADatabaseNeverMigrated() throws Exception {
        TestDatabase empty = TestDatabase.createUnmigrated();
        String config = config(empty.jdbcUrl(), "").toString();

        Outcome server = runCapturing("server", config);

        assertThat(server.failure()).isNotNull();
        assertThat(server.err().lines().filter(line -> line.startsWith("error: ")))
                .containsExactly("error: the database was never migrated (it has none of the service's tables):"
                        + " run db migrate first: java -jar callbackcloser.jar db migrate " + config);
        assertThat(server.err()).doesNotContain("\tat ");
    }

    @Test
    void aDatabaseAMigrationBehindIsRefusedToo() throws Exception {
        TestDatabase behind = TestDatabase.create();
        behind.jdbi()
                .useHandle(h -> h.execute("DELETE FROM databasechangelog WHERE orderexecuted = "
                        + "(SELECT max(orderexecuted) FROM databasechangelog)"));
        String config = config(behind.jdbcUrl(), "").toString();

        Outcome outcome = runCapturing("business", "list", config);

        assertThat(outcome.failure()).isNotNull();
        assertThat(outcome.err().strip())
                .isEqualTo("error: the database is 1 migration(s) behind this version of the service: run db migrate"
                        + " first: java -jar callbackcloser.jar db migrate " + config);
    }

    @Test
    void commandsThatDoNotReadTheDatabaseNeedNoTables() throws Exception {
        String config = config(TestDatabase.createUnmigrated().jdbcUrl(), "").toString();

        Outcome webhooks = runCapturing("webhooks", config);
        Outcome check = runCapturing("check", config);

        assertThat(webhooks.failure()).isNull();
        assertThat(webhooks.out()).contains("Stripe webhook endpoint:");
        // check finds the development config's broken production rules, and nothing about the database.
        assertThat(check.out()).contains("problem(s)");
        assertThat(check.out() + check.err()).doesNotContain("migrate", "\tat ");
    }

    private static List<String> tables(TestDatabase database) {
        return database.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                        .mapTo(String.class)
                        .list());
    }

    private static Path config(String databaseUrl, String migrationUrl) throws Exception {
        Path file = Files.createTempFile("callbackcloser", ".yml");
        Files.writeString(file, """
                database:
                  url: "%s"
                  migrationUrl: "%s"
                  user: postgres
                logging:
                  level: WARN
                server:
                  applicationConnectors:
                    - type: http
                      bindHost: 127.0.0.1
                      port: 0
                  adminConnectors:
                    - type: http
                      bindHost: 127.0.0.1
                      port: 0
                """.formatted(databaseUrl, migrationUrl));
        return file;
    }

    /** Runs a command in this JVM; a failure is thrown instead of exiting the process. */
    private static String run(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            new CallbackCloserApplication() {
                @Override
                protected void onFatalError(Throwable t) {
                    throw new IllegalStateException(t.getMessage(), t);
                }
            }.run(args);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What a command printed, and the failure it ended with (null when it succeeded). */
    private record Outcome(String out, String err, Throwable failure) {}

    /**
     * Runs a command in this JVM as {@link #run} does, keeping stderr too. On its own thread with a generous
     * limit: a {@code server} that (wrongly) started would otherwise serve until the JVM ends.
     */
    private static Outcome runCapturing(String... args) throws Exception {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread command = new Thread(
                () -> {
                    try {
                        new CallbackCloserApplication() {
                            @Override
                            protected void onFatalError(Throwable t) {
                                failure.set(t);
                            }
                        }.run(args);
                    } catch (Exception e) {
                        failure.set(e);
                    }
                },
                "command " + String.join(" ", args));
        command.setDaemon(true);
        try {
            command.start();
            command.join(Duration.ofMinutes(2).toMillis());
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        assertThat(command.isAlive()).as("%s is still running", List.of(args)).isFalse();
        return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failure.get());
    }
}
