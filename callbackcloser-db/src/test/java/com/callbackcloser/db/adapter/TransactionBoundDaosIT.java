package com.callbackcloser.db.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.dao.BusinessDao;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/** The DAOs every transaction shares: each call must run on the calling thread's own transaction. */
class TransactionBoundDaosIT {
    private final Jdbi jdbi = TestDatabase.create().jdbi();
    private final JdbiTransactionRunner transactions = new JdbiTransactionRunner(jdbi);

    @Test
    void eachThreadsCallsGoToItsOwnTransaction() throws Exception {
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        AtomicReference<String> twilioNumber = new AtomicReference<>();
        CompletableFuture<Optional<Business>> creating =
                CompletableFuture.supplyAsync(() -> transactions.inTransaction(r -> {
                    Business business = TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE);
                    twilioNumber.set(business.twilioNumber());
                    created.countDown();
                    await(looked);
                    // after another thread's transaction came and went, this one's calls still reach its own rows
                    return r.businesses().findByTwilioNumber(business.twilioNumber());
                }));
        // TestBusinesses.create ran in the same transaction (JDBI reuses the thread's handle): not committed yet
        assertThat(created.await(10, TimeUnit.SECONDS)).isTrue();
        Optional<Business> seenFromHere =
                transactions.inTransaction(r -> r.businesses().findByTwilioNumber(twilioNumber.get()));
        looked.countDown();
        Optional<Business> seenThere = creating.get(10, TimeUnit.SECONDS);

        assertThat(seenFromHere).isEmpty();
        assertThat(seenThere).isPresent();
        Optional<Business> committed =
                transactions.inTransaction(r -> r.businesses().findByTwilioNumber(twilioNumber.get()));
        assertThat(committed).isEqualTo(seenThere);
    }

    @Test
    void writesOfARolledBackTransactionAreGone() {
        String[] twilioNumber = new String[1];
        assertThatThrownBy(() -> transactions.inTransaction(r -> {
                    twilioNumber[0] = TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE)
                            .twilioNumber();
                    throw new IllegalStateException("roll back");
                }))
                .hasMessage("roll back");

        Optional<Business> found =
                transactions.inTransaction(r -> r.businesses().findByTwilioNumber(twilioNumber[0]));
        assertThat(found).isEmpty();
    }

    @Test
    void aSharedDaoCalledOutsideATransactionIsRefused() {
        TransactionBoundDaos daos = new TransactionBoundDaos(jdbi);
        BusinessDao businesses = daos.dao(BusinessDao.class);

        assertThatThrownBy(() -> businesses.findByTwilioNumber("+14155550100"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a transaction");
    }

    @Test
    void statementsStillNameTheDaoMethodThatRunsThem() {
        List<String> statements = new CopyOnWriteArrayList<>();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
        JdbiTransactionRunner logged = new JdbiTransactionRunner(jdbi);

        logged.inTransaction(r -> r.businesses().findByTwilioNumber("+14155550100"));
        logged.inTransaction(r -> r.businesses().findByTwilioNumber("+14155550101"));

        assertThat(statements)
                .hasSize(2)
                .allSatisfy(sql -> assertThat(sql).startsWith("/* BusinessDao.findByTwilioNumber */"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
