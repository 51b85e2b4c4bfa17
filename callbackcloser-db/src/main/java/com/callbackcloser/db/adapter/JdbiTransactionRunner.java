package com.callbackcloser.db.adapter;

import com.callbackcloser.core.port.out.AnalyticsRepository;
import com.callbackcloser.core.port.out.ApiKeyRepository;
import com.callbackcloser.core.port.out.AuditLog;
import com.callbackcloser.core.port.out.BillingEventLog;
import com.callbackcloser.core.port.out.BusinessRepository;
import com.callbackcloser.core.port.out.CallRepository;
import com.callbackcloser.core.port.out.ConsentRepository;
import com.callbackcloser.core.port.out.LeadRepository;
import com.callbackcloser.core.port.out.MemberRepository;
import com.callbackcloser.core.port.out.MessageRepository;
import com.callbackcloser.core.port.out.OpeningHoursRepository;
import com.callbackcloser.core.port.out.OutboxRepository;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TextTemplateRepository;
import com.callbackcloser.core.port.out.TransactionRunner;
import com.callbackcloser.core.port.out.WebhookRepository;
import com.callbackcloser.db.dao.AnalyticsDao;
import com.callbackcloser.db.dao.ApiKeyDao;
import com.callbackcloser.db.dao.AuditDao;
import com.callbackcloser.db.dao.BusinessDao;
import com.callbackcloser.db.dao.CallDao;
import com.callbackcloser.db.dao.ConsentDao;
import com.callbackcloser.db.dao.LeadDao;
import com.callbackcloser.db.dao.MemberDao;
import com.callbackcloser.db.dao.MessageDao;
import com.callbackcloser.db.dao.OpeningHoursDao;
import com.callbackcloser.db.dao.OutboxDao;
import com.callbackcloser.db.dao.StripeEventDao;
import com.callbackcloser.db.dao.TextTemplateDao;
import com.callbackcloser.db.dao.WebhookDao;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Core's transactions on JDBI: one handle, one READ COMMITTED transaction, every repository working on it.
 * Concurrency is handled by unique keys, upserts and row locks, not by a stricter isolation level, so no
 * caller has to retry serialization failures. The level is the connection's (PostgreSQL's default, and what the
 * service's pool sets on each new connection): naming it here would cost JDBI a round trip to read the current
 * level before and after every transaction.
 */
public final class JdbiTransactionRunner implements TransactionRunner {
    private final Jdbi jdbi;
    private final TransactionBoundDaos daos;

    public JdbiTransactionRunner(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.daos = new TransactionBoundDaos(jdbi);
    }

    @Override
    public <T> T inTransaction(Function<Repositories, T> work) {
        return jdbi.inTransaction(handle -> daos.on(handle, () -> work.apply(new HandleRepositories(daos))));
    }

    private static final class HandleRepositories implements Repositories {
        private final TransactionBoundDaos daos;

        HandleRepositories(TransactionBoundDaos daos) {
            this.daos = daos;
        }

        private <T> T dao(Class<T> type) {
            return daos.dao(type);
        }

        @Override
        public BusinessRepository businesses() {
            return new JdbiBusinessRepository(dao(BusinessDao.class));
        }

        @Override
        public CallRepository calls() {
            return new JdbiCallRepository(dao(CallDao.class));
        }

        @Override
        public LeadRepository leads() {
            return new JdbiLeadRepository(dao(LeadDao.class));
        }

        @Override
        public OutboxRepository outbox() {
            return new JdbiOutboxRepository(dao(OutboxDao.class));
        }

        @Override
        public MessageRepository messages() {
            return new JdbiMessageRepository(dao(MessageDao.class));
        }

        @Override
        public ConsentRepository consents() {
            return new JdbiConsentRepository(dao(ConsentDao.class));
        }

        @Override
        public BillingEventLog billingEvents() {
            return new JdbiBillingEventLog(dao(StripeEventDao.class));
        }

        @Override
        public MemberRepository members() {
            return new JdbiMemberRepository(dao(MemberDao.class));
        }

        @Override
        public AuditLog audit() {
            return new JdbiAuditLog(dao(AuditDao.class));
        }

        @Override
        public ApiKeyRepository apiKeys() {
            return new JdbiApiKeyRepository(dao(ApiKeyDao.class));
        }

        @Override
        public AnalyticsRepository analytics() {
            return new JdbiAnalyticsRepository(dao(AnalyticsDao.class));
        }

        @Override
        public OpeningHoursRepository openingHours() {
            return new JdbiOpeningHoursRepository(dao(OpeningHoursDao.class));
        }

        @Override
        public TextTemplateRepository textTemplates() {
            return new JdbiTextTemplateRepository(dao(TextTemplateDao.class));
        }

        @Override
        public WebhookRepository webhooks() {
            return new JdbiWebhookRepository(dao(WebhookDao.class));
        }
    }
}
