package com.callbackcloser.db.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.core.model.legacy.LegacyBusiness;
import com.callbackcloser.core.model.legacy.LegacyLead;
import com.callbackcloser.db.testing.LegacyDatabase;
import com.callbackcloser.db.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Reading the old app's database: one read-only snapshot, its UTC timestamps read as UTC, its schema checked. */
class PrismaLegacySourceIT {

    @Test
    void everyTableIsReadFromOneSnapshotAndTheOldDatabaseRefusesAnyWriteInIt() throws Exception {
        LegacyDatabase legacy = LegacyDatabase.create();
        business(legacy, "biz1", "user_1", "+14155550101");

        try (PrismaLegacySource source = PrismaLegacySource.open(legacy.connection())) {
            // Written after the snapshot began (the old app still running, say): not seen by this run.
            business(legacy, "biz2", "user_2", "+14155550102");

            List<String> read = new ArrayList<>();
            source.businesses(business -> read.add(business.id()));
            assertThat(read).containsExactly("biz1");
            assertThat(source.readsASnapshot()).isTrue();
        }

        // What the source's transaction is: the same settings, and the server refuses a write in it.
        try (Handle handle = Jdbi.open(legacy.connection())) {
            handle.begin();
            handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            assertThatThrownBy(() -> handle.execute("DELETE FROM \"Business\""))
                    .hasMessageContaining("read-only transaction");
            handle.rollback();
        }
    }

    @Test
    void prismasUtcTimestampsAreReadAsUtcWhateverTheJvmsZone() throws Exception {
        LegacyDatabase legacy = LegacyDatabase.create();
        Instant started = Instant.parse("2026-03-01T04:30:00Z"); // February in New York, March in UTC
        business(legacy, "biz1", "user_1", "+14155550101");
        legacy.row("Lead")
                .set("id", "lead1")
                .set("businessId", "biz1")
                .set("callerPhone", "+14155550123")
                .set("callerPhoneNormalized", "+14155550123")
                .set("smsState", "AWAITING_SERVICE")
                .set("smsStartedAt", started)
                .set("createdAt", started)
                .insert();

        TimeZone original = TimeZone.getDefault();
        List<LegacyLead> leads = new ArrayList<>();
        List<LegacyBusiness> businesses = new ArrayList<>();
        try {
            // The driver hands the JVM's zone to the session: +14:00 shifts a naive read by most of a day.
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            try (PrismaLegacySource source = PrismaLegacySource.open(legacy.connection())) {
                source.leads(leads::add);
                source.businesses(businesses::add);
            }
        } finally {
            TimeZone.setDefault(original);
        }

        assertThat(leads.get(0).smsStartedAt()).isEqualTo(started);
        assertThat(leads.get(0).createdAt()).isEqualTo(started);
        assertThat(businesses.get(0).createdAt()).isEqualTo(Instant.parse("2026-01-15T12:00:00Z"));
    }

    @Test
    void aDatabaseWithoutTheOldTablesOrColumnsIsNamedForWhatItLacks() throws Exception {
        LegacyDatabase legacy = LegacyDatabase.create();
        try (PrismaLegacySource source = PrismaLegacySource.open(legacy.connection())) {
            assertThat(source.missingSchema()).isEmpty();
        }

        legacy.jdbi().useHandle(handle -> {
            handle.execute("DROP TABLE \"SmsConsent\"");
            handle.execute("ALTER TABLE \"Lead\" DROP COLUMN \"usageLimitNotifiedAt\"");
        });
        try (PrismaLegacySource source = PrismaLegacySource.open(legacy.connection())) {
            assertThat(source.missingSchema())
                    .containsExactly("table \"SmsConsent\"", "column \"Lead\".\"usageLimitNotifiedAt\"");
        }

        // Our own database is not the old app's.
        try (PrismaLegacySource source =
                PrismaLegacySource.open(TestDatabase.create().dataSource().getConnection())) {
            assertThat(source.missingSchema()).hasSize(5).allMatch(missing -> missing.startsWith("table "));
        }
    }

    @Test
    void ourDatabaseIsMigratedOnlyWhenEveryChangesetIsApplied() {
        assertThat(new JdbiLegacyImportTarget(TestDatabase.create().jdbi()).missingChangeSets())
                .isEmpty();
        assertThat(new JdbiLegacyImportTarget(TestDatabase.createUnmigrated().jdbi()).missingChangeSets())
                .contains("0001-create-businesses", "0030-create-legacy-imports");
    }

    private static void business(LegacyDatabase legacy, String id, String owner, String twilioNumber) {
        legacy.row("Business")
                .set("id", id)
                .set("ownerClerkId", owner)
                .set("name", "Acme " + id)
                .set("forwardingNumber", "+14155550199")
                .set("twilioPhoneNumber", twilioNumber)
                .set("createdAt", Instant.parse("2026-01-15T12:00:00Z"))
                .insert();
    }
}
