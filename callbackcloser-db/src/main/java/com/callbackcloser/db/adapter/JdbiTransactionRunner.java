package com.callbackcloser.db.adapter;

import com.callbackcloser.core.port.out.ApiKeyRepository;
import com.callbackcloser.core.port.out.AuditLog;
import com.callbackcloser.core.port.out.BillingEventLog;
import com.callbackcloser.core.port.out.BusinessRepository;
import com.callbackcloser.core.port.out.CallRepository;
import com.callbackcloser.core.port.out.ConsentRepository;
import com.callbackcloser.core.port.out.LeadRepository;
import com.callbackcloser.core.port.out.MemberRepository;
import com.callbackcloser.core.port.out.MessageRepository;
import com.callbackcloser.core.port.out.OutboxRepository;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import com.callbackcloser.db.dao.ApiKeyDao;
import com.callbackcloser.db.dao.AuditDao;
import com.callbackcloser.db.dao.BusinessDao;
import com.callbackcloser.db.dao.CallDao;
import com.callbackcloser.db.dao.ConsentDao;
import com.callbackcloser.db.dao.LeadDao;
import com.callbackcloser.db.dao.MemberDao;
import com.callbackcloser.db.dao.MessageDao;
import com.callbackcloser.db.dao.OutboxDao;
import com.callbackcloser.db.dao.StripeEventDao;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Core's transactions on JDBI: one handle, one READ COMMITTED transaction, every repository attached to it.
 * Concurrency is handled by unique keys, upserts and row locks, not by a stricter isolation level, so no
 * caller has to retry serialization failures.
 */
public final class JdbiTransactionRunner implements TransactionRunner {
    private final Jdbi jdbi;

    public JdbiTransactionRunner(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Function<Repositories, T> work) {
        return jdbi.inTransaction(
                TransactionIsolationLevel.READ_COMMITTED, handle -> work.apply(new HandleRepositories(handle)));
    }

    private static final class HandleRepositories implements Repositories {
        private final Handle handle;

        HandleRepositories(Handle handle) {
            this.handle = handle;
        }

        @Override
        public BusinessRepository businesses() {
            return new JdbiBusinessRepository(handle.attach(BusinessDao.class));
        }

        @Override
        public CallRepository calls() {
            return new JdbiCallRepository(handle.attach(CallDao.class));
        }

        @Override
        public LeadRepository leads() {
            return new JdbiLeadRepository(handle.attach(LeadDao.class));
        }

        @Override
        public OutboxRepository outbox() {
            return new JdbiOutboxRepository(handle.attach(OutboxDao.class));
        }

        @Override
        public MessageRepository messages() {
            return new JdbiMessageRepository(handle.attach(MessageDao.class));
        }

        @Override
        public ConsentRepository consents() {
            return new JdbiConsentRepository(handle.attach(ConsentDao.class));
        }

        @Override
        public BillingEventLog billingEvents() {
            return new JdbiBillingEventLog(handle.attach(StripeEventDao.class));
        }

        @Override
        public MemberRepository members() {
            return new JdbiMemberRepository(handle.attach(MemberDao.class));
        }

        @Override
        public AuditLog audit() {
            return new JdbiAuditLog(handle.attach(AuditDao.class));
        }

        @Override
        public ApiKeyRepository apiKeys() {
            return new JdbiApiKeyRepository(handle.attach(ApiKeyDao.class));
        }
    }
}
