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
import java.util.List;
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

    private static Path config(String databaseUrl, String migrationUrl) throws Exception {
        Path file = Files.createTempFile("callbackcloser", ".yml");
        Files.writeString(file, """
                database:
                  url: "%s"
                  migrationUrl: "%s"
                  user: postgres
                logging:
                  level: WARN
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
}
