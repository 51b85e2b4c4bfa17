package com.callbackcloser.db.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.CallStatus;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.out.DialResultRecord;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class LeadRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");

    @Test
    void racingInsertsForOneCallCreateOneLead() throws Exception {
        Jdbi jdbi = TestDatabase.create().jdbi();
        JdbiTransactionRunner transactions = new JdbiTransactionRunner(jdbi);
        Business business = TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE);
        UUID callId = transactions.inTransaction(r -> r.calls()
                .recordDialResult(
                        new DialResultRecord(
                                business.id(),
                                "CA-race",
                                null,
                                null,
                                "+14155550123",
                                "+14155550123",
                                business.twilioNumber(),
                                business.twilioNumber(),
                                "busy",
                                CallStatus.MISSED,
                                null,
                                null,
                                null,
                                false,
                                true,
                                "{}"),
                        NOW));

        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Lead>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                // No call-row lock here: the unique call_id alone must hold.
                return jdbi.inTransaction(h -> new JdbiLeadRepository(h.attach(com.callbackcloser.db.dao.LeadDao.class))
                        .findOrCreateForCall(business.id(), callId, "+14155550123", "+14155550123", NOW));
            }));
        }
        start.countDown();
        List<UUID> leadIds = new ArrayList<>();
        for (Future<Lead> result : results) {
            leadIds.add(result.get().id());
        }
        pool.shutdown();

        assertThat(leadIds).containsOnly(leadIds.get(0));
        int leads = jdbi.withHandle(h ->
                h.createQuery("SELECT count(*) FROM leads").mapTo(Integer.class).one());
        assertThat(leads).isEqualTo(1);
    }
}
