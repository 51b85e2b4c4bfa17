package com.callbackcloser.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.BusinessSettings;
import com.callbackcloser.core.model.NewBusiness;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.TextTiming;
import com.callbackcloser.db.adapter.JdbiTransactionRunner;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.time.Instant;
import java.time.ZoneId;
import java.util.TimeZone;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** timestamptz values must come back as the same instant whatever zone the JVM and the session run in. */
class TimestampsIT {

    @Test
    void instantsSurviveAJvmAndASessionInOddZonesAcrossADstChange() throws Exception {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
        try {
            Jdbi jdbi = TestDatabase.create().jdbi();
            jdbi.useHandle(h -> h.execute(
                    "ALTER DATABASE " + h.getConnection().getCatalog() + " SET timezone TO 'America/St_Johns'"));
            JdbiTransactionRunner transactions = new JdbiTransactionRunner(jdbi);
            // 01:30 on the night New York falls back: the hour that happens twice.
            Instant ambiguousHour = Instant.parse("2026-11-01T05:30:00.123456Z");
            Business business = transactions.inTransaction(r -> r.businesses()
                    .create(
                            new NewBusiness(
                                    new BusinessSettings(
                                            "Acme Plumbing",
                                            "+14155550199",
                                            null,
                                            20,
                                            ServiceLabels.DEFAULTS,
                                            ZoneId.of("America/New_York"),
                                            TextTiming.DEFAULTS,
                                            false),
                                    TestBusinesses.nextTwilioNumber(),
                                    SubscriptionStatus.INACTIVE,
                                    null),
                            ambiguousHour));

            assertThat(business.createdAt()).isEqualTo(ambiguousHour);
            String storedUtc = jdbi.withHandle(h -> h.createQuery(
                            "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM businesses")
                    .mapTo(String.class)
                    .one());
            assertThat(storedUtc).isEqualTo("2026-11-01 05:30:00.123456");
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
