package com.callbackcloser.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.api.testing.CommandLine;
import com.callbackcloser.api.testing.Concurrently;
import com.callbackcloser.api.testing.StripeFake;
import com.callbackcloser.core.model.Plans;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.legacy.ImportReport;
import com.callbackcloser.core.model.legacy.LegacyTable;
import com.callbackcloser.core.port.in.ImportLegacy;
import com.callbackcloser.core.port.out.ImportProgress;
import com.callbackcloser.db.adapter.JdbiTransactionRunner;
import com.callbackcloser.db.testing.LegacyDatabase;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code import-legacy} as an operator runs it, from an old app's database into ours, without the service: the
 * dry run, a second run, refusals, a Twilio number that is already taken here, and a run stopped half-way.
 */
class ImportLegacyCommandIT {
    /** The prices the old app sold, configured here as STRIPE_PRICE_STARTER and STRIPE_PRICE_PRO. */
    private static final Plans PLANS =
            new Plans(StripeFake.PRICE_STARTER, StripeFake.PRICE_PRO, 0, 200, 1000, Plans.DEFAULT_USAGE_ZONE);

    private static LegacyDatabase old;

    @BeforeAll
    static void theOldAppsDatabase() {
        old = OldApp.seeded();
    }

    @Test
    void aDryRunSaysWhatWouldBeImportedAndWritesNothing() {
        TestDatabase ours = TestDatabase.create();
        Map<String, String> before = DatabaseContents.snapshot(ours.jdbi());
        Map<String, String> oldBefore = DatabaseContents.snapshot(old.jdbi());

        CommandLine.Run run = importLegacy(ours, "--from", old.jdbcUrl(), "--dry-run");

        assertThat(run.failed()).as(run.err()).isFalse();
        assertThat(run.out())
                .contains("DRY RUN, nothing is written")
                .containsPattern("Business +3 +3 +0 +0")
                .containsPattern("SmsConsent +3 +3 +0 +0")
                .containsPattern("Call +6 +6 +0 +0")
                .containsPattern("Lead +6 +6 +0 +0")
                .containsPattern("Message +7 +7 +0 +0")
                .contains("1 lead(s) had no call in the old app", "would be imported without one")
                .contains("dry run: 25 rows would be imported, 0 are already here");
        assertThat(DatabaseContents.snapshot(ours.jdbi())).isEqualTo(before);
        assertThat(DatabaseContents.snapshot(old.jdbi())).isEqualTo(oldBefore);
    }

    @Test
    void anActiveBusinessOnAPriceThisServiceDoesNotSellIsPointedOut() {
        CommandLine.Run run = importWithConfig(TestDatabase.create(), "", "--from", old.jdbcUrl(), "--dry-run");

        assertThat(run.failed()).as(run.err()).isFalse();
        assertThat(run.out())
                .contains("Business " + OldApp.PLUMBER + " \"Acme Plumbing\" is ACTIVE on Stripe price "
                        + StripeFake.PRICE_STARTER
                        + ", which is neither STRIPE_PRICE_STARTER nor STRIPE_PRICE_PRO here")
                .contains("Business " + OldApp.ELECTRIC + " \"Volt Electric\" is ACTIVE")
                .doesNotContain("Business " + OldApp.DORMANT + " \"Quiet Carpentry\" is ACTIVE");
    }

    @Test
    void aSecondRunChangesNothingAndSaysSo() {
        TestDatabase ours = TestDatabase.create();
        CommandLine.Run first = importLegacy(ours, "--from", old.jdbcUrl());
        assertThat(first.failed()).as(first.err()).isFalse();
        assertThat(first.out()).contains("done: 25 rows imported, 0 already here");
        Map<String, String> afterFirst = DatabaseContents.snapshot(ours.jdbi());

        CommandLine.Run second = importLegacy(ours, "--from", old.jdbcUrl());

        assertThat(second.failed()).as(second.err()).isFalse();
        assertThat(second.out())
                .containsPattern("Business +3 +0 +3 +0")
                .containsPattern("SmsConsent +3 +0 +3 +0")
                .containsPattern("Message +7 +0 +7 +0")
                .contains("nothing to import: all 25 rows of the old database are already here; nothing was changed");
        assertThat(DatabaseContents.snapshot(ours.jdbi())).isEqualTo(afterFirst);
    }

    @Test
    void aSourceThatIsNotTheOldAppsDatabaseIsRefusedAndNothingIsWritten() {
        TestDatabase ours = TestDatabase.create();
        Map<String, String> before = DatabaseContents.snapshot(ours.jdbi());

        // Our own schema, by mistake, as a postgresql:// URL.
        TestDatabase notOld = TestDatabase.create();
        CommandLine.Run wrongDatabase =
                importLegacy(ours, "--from", postgresUrl("postgresql", notOld.port(), name(notOld)));
        // The old app's, one version behind: its last migration never ran.
        LegacyDatabase behind = LegacyDatabase.create();
        behind.jdbi().useHandle(h -> h.execute("ALTER TABLE \"Lead\" DROP COLUMN \"usageLimitNotifiedAt\""));
        CommandLine.Run oldVersion = importLegacy(ours, "--from", behind.jdbcUrl());

        assertThat(wrongDatabase.failed()).isTrue();
        assertThat(wrongDatabase.err())
                .contains("error: the source does not look like the old app's database", "table \"Business\"")
                .contains("Nothing was imported.");
        assertThat(oldVersion.failed()).isTrue();
        assertThat(oldVersion.err()).contains("column \"Lead\".\"usageLimitNotifiedAt\"");
        assertThat(DatabaseContents.snapshot(ours.jdbi())).isEqualTo(before);
    }

    @Test
    void ourDatabaseNotMigratedIsRefusedAndNothingIsWritten() {
        TestDatabase unmigrated = TestDatabase.createUnmigrated();

        CommandLine.Run run = importLegacy(unmigrated, "--from", old.jdbcUrl());

        assertThat(run.failed()).isTrue();
        // The same one line as every command that reads our database, before the old one is even opened.
        assertThat(run.err())
                .contains("error: the database was never migrated", "run db migrate first: java -jar")
                .doesNotContain("\tat ");
        assertThat(DatabaseContents.snapshot(unmigrated.jdbi())).isEmpty();
    }

    @Test
    void aBadFromUrlIsNamedAsTheOptionItIs() {
        CommandLine.Run run = importLegacy(TestDatabase.create(), "--from", "mysql://old.example.test/app");

        assertThat(run.failed()).isTrue();
        assertThat(run.err())
                .contains("error: --from must start with postgres://, postgresql:// or jdbc:postgresql://");
    }

    @Test
    void aBusinessWhoseTwilioNumberIsAlreadyHereIsReportedWithEverythingOfItsAndNothingIsMerged() {
        TestDatabase ours = TestDatabase.create();
        var handMade = TestBusinesses.create(
                new JdbiTransactionRunner(ours.jdbi()), SubscriptionStatus.ACTIVE, OldApp.PLUMBER_NUMBER, null);
        String handMadeBefore = handMadeRow(ours, handMade.id().toString());
        Map<String, String> before = DatabaseContents.snapshot(ours.jdbi());

        CommandLine.Run dryRun = importLegacy(ours, "--from", old.jdbcUrl(), "--dry-run");
        assertThat(dryRun.failed()).isTrue();
        assertThat(dryRun.out())
                .contains("cannot be imported (17):", "Twilio number +14155550100 already belongs to business")
                .containsPattern("Business +3 +2 +0 +1");
        assertThat(dryRun.err()).contains("17 old rows cannot be imported (listed above)");
        assertThat(DatabaseContents.snapshot(ours.jdbi())).isEqualTo(before);

        CommandLine.Run run = importLegacy(ours, "--from", old.jdbcUrl());

        assertThat(run.failed()).isTrue();
        assertThat(run.out())
                .contains("Business " + OldApp.PLUMBER + ": \"Acme Plumbing\" Twilio number +14155550100 already"
                        + " belongs to business " + handMade.id())
                .contains("not merged (resolve it, then run again)")
                .contains("SmsConsent (3 rows: clconsentstart00000000001, clconsentstop000000000001,"
                        + " clconsentshort00000000001): its Business " + OldApp.PLUMBER + " is not imported")
                .contains("Message (7 rows: clmsg00000000000000000006, clmsg00000000000000000007,"
                        + " clmsg00000000000000000004, clmsg00000000000000000005, clmsg00000000000000000001 and 2 more):"
                        + " its Business " + OldApp.PLUMBER + " is not imported")
                .containsPattern("Business +3 +2 +0 +1")
                .containsPattern("SmsConsent +3 +0 +0 +3")
                .containsPattern("Call +6 +3 +0 +3")
                .containsPattern("Message +7 +0 +0 +7");
        assertThat(run.err()).contains("17 old rows were not imported (listed above): resolve them and run again");
        assertThat(handMadeRow(ours, handMade.id().toString())).isEqualTo(handMadeBefore);
        assertThat(count(ours, "SELECT count(*) FROM sms_consents")).isZero();

        // The operator frees the number (the hand-made business was a trial), and runs again: the rest comes over.
        ours.jdbi().useHandle(h -> h.execute("UPDATE businesses SET twilio_number = NULL WHERE id = ?", handMade.id()));
        CommandLine.Run again = importLegacy(ours, "--from", old.jdbcUrl());
        assertThat(again.failed()).as(again.out() + again.err()).isFalse();
        assertThat(again.out())
                .containsPattern("Business +3 +1 +2 +0")
                .containsPattern("SmsConsent +3 +3 +0 +0")
                .containsPattern("Call +6 +3 +3 +0");
    }

    @Test
    void twoRunsAtOnceWriteEveryRowOnce() throws Exception {
        TestDatabase clean = TestDatabase.create();
        assertThat(importLegacy(clean, "--from", old.jdbcUrl()).failed()).isFalse();
        TestDatabase ours = TestDatabase.create();

        List<ImportReport> reports = Concurrently.times(
                2,
                () -> ImportLegacyCommand.importFrom(
                        ImportLegacyCommand.parseFrom(old.jdbcUrl()),
                        ours.jdbi(),
                        PLANS,
                        new ImportLegacy(false, 2),
                        ImportProgress.NONE,
                        quiet()));

        assertThat(reports).allMatch(ImportReport::complete);
        for (LegacyTable table : LegacyTable.values()) {
            assertThat(reports.get(0).count(table).imported()
                            + reports.get(1).count(table).imported())
                    .as(table.name())
                    .isEqualTo(reports.get(0).count(table).read());
        }
        assertThat(DatabaseContents.imported(ours.jdbi())).isEqualTo(DatabaseContents.imported(clean.jdbi()));
    }

    /**
     * Run again after the old app went on (the freeze came late): a new STOP there reaches us, new rows come over,
     * and a START a caller sent us since the first run is not undone by the old app's older STOP.
     */
    @Test
    void aLaterRunBringsNewStopsAndRowsButNeverUndoesANewerAnswerOfOurs() {
        LegacyDatabase goingOn = OldApp.seeded();
        TestDatabase ours = TestDatabase.create();
        assertThat(importLegacy(ours, "--from", goingOn.jdbcUrl()).failed()).isFalse();
        UUID plumber = ours.jdbi()
                .withHandle(h -> h.createQuery("SELECT target_id FROM legacy_imports WHERE legacy_id = :id")
                        .bind("id", OldApp.PLUMBER)
                        .mapTo(UUID.class)
                        .one());
        new JdbiTransactionRunner(ours.jdbi()).inTransaction(r -> {
            r.consents()
                    .recordOptIn(
                            plumber, OldApp.STOPPED_CALLER, OldApp.STOPPED_CALLER, "START", "SMours1", Instant.now());
            return null;
        });
        Instant later = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        goingOn.jdbi()
                .useHandle(h -> h.createUpdate("""
                        UPDATE "SmsConsent" SET "optedOut" = true, "optedOutAt" = :at, "lastKeyword" = 'STOP',
                               "updatedAt" = :at
                         WHERE "id" = 'clconsentstart00000000001'
                        """)
                        .bind("at", java.time.LocalDateTime.ofInstant(later, java.time.ZoneOffset.UTC))
                        .execute());
        goingOn.row("SmsConsent")
                .set("id", "clconsentnew0000000000001")
                .set("businessId", OldApp.PLUMBER)
                .set("phoneNormalized", "4155550168")
                .set("optedOut", true)
                .set("optedOutAt", later)
                .set("lastKeyword", "STOP")
                .set("createdAt", later)
                .insert();

        CommandLine.Run again = importLegacy(ours, "--from", goingOn.jdbcUrl());

        assertThat(again.failed()).as(again.err()).isFalse();
        assertThat(again.out()).containsPattern("SmsConsent +4 +2 +2 +0");
        List<String> consents = ours.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT phone || ' ' || opted_out FROM sms_consents WHERE business_id = :b ORDER BY phone")
                        .bind("b", plumber)
                        .mapTo(String.class)
                        .list());
        assertThat(consents)
                .containsExactly("+14155550166 false", "+14155550167 true", "+14155550168 true", "12345 true");
    }

    /**
     * Stopped at a row of each kind (the test's hook throws there, as a crash or a lost connection would end the
     * run), then run again: the same rows as one clean run, none twice, none missing.
     */
    @ParameterizedTest(name = "stopped at {0} #{1}")
    @CsvSource({"BUSINESS,2", "SMS_CONSENT,3", "CALL,5", "LEAD,1", "MESSAGE,6"})
    void aRunStoppedHalfWayAndRunAgainEndsLikeOneCleanRun(LegacyTable table, int row) {
        TestDatabase clean = TestDatabase.create();
        assertThat(importLegacy(clean, "--from", old.jdbcUrl()).failed()).isFalse();

        TestDatabase interrupted = TestDatabase.create();
        AtomicInteger written = new AtomicInteger();
        ImportProgress crash = new ImportProgress() {
            @Override
            public void rowWritten(LegacyTable at, String legacyId) {
                if (at == table && written.incrementAndGet() == row) {
                    throw new IllegalStateException("the import was killed at " + at + " " + legacyId);
                }
            }
        };
        assertThatThrownBy(() -> ImportLegacyCommand.importFrom(
                        ImportLegacyCommand.parseFrom(old.jdbcUrl()),
                        interrupted.jdbi(),
                        PLANS,
                        new ImportLegacy(false, 2),
                        crash,
                        quiet()))
                .hasMessageContaining("the import was killed at " + table);
        assertThat(DatabaseContents.imported(interrupted.jdbi())).isNotEqualTo(DatabaseContents.imported(clean.jdbi()));

        CommandLine.Run resumed = importLegacy(interrupted, "--from", old.jdbcUrl(), "--batch-size", "2");

        assertThat(resumed.failed()).as(resumed.err()).isFalse();
        assertThat(DatabaseContents.imported(interrupted.jdbi())).isEqualTo(DatabaseContents.imported(clean.jdbi()));
        ImportReport report = ImportLegacyCommand.importFrom(
                ImportLegacyCommand.parseFrom(old.jdbcUrl()),
                interrupted.jdbi(),
                PLANS,
                new ImportLegacy(false, 2),
                ImportProgress.NONE,
                quiet());
        assertThat(report.changedNothing()).isTrue();
        assertThat(report.complete()).isTrue();
    }

    private static CommandLine.Run importLegacy(TestDatabase ours, String... args) {
        return importWithConfig(ours, """
                stripe:
                  priceStarter: %s
                  pricePro: %s
                """.formatted(StripeFake.PRICE_STARTER, StripeFake.PRICE_PRO), args);
    }

    private static CommandLine.Run importWithConfig(TestDatabase ours, String moreYaml, String... args) {
        Path config = CommandLine.config("""
                database:
                  url: "%s"
                  user: postgres
                logging:
                  level: WARN
                """.formatted(ours.jdbcUrl()) + moreYaml);
        String[] command = new String[args.length + 2];
        command[0] = "import-legacy";
        command[1] = config.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        return CommandLine.run(command);
    }

    private static String handMadeRow(TestDatabase ours, String id) {
        return ours.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT to_jsonb(b)::text FROM businesses b WHERE id = CAST(:id AS uuid)")
                                .bind("id", id)
                                .mapTo(String.class)
                                .one());
    }

    private static int count(TestDatabase ours, String sql) {
        return ours.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static String postgresUrl(String scheme, int port, String database) {
        return scheme + "://postgres@localhost:" + port + "/" + database;
    }

    private static String name(TestDatabase database) {
        String url = database.jdbcUrl();
        String path = url.substring(url.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
