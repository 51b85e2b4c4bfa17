package com.callbackcloser.core.fakes;

import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.model.OutboxStats;
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
import com.callbackcloser.core.port.out.MessageStatusRow;
import com.callbackcloser.core.port.out.OpeningHoursRepository;
import com.callbackcloser.core.port.out.OutboxRepository;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TextTemplateRepository;
import com.callbackcloser.core.port.out.TransactionRunner;
import com.callbackcloser.core.port.out.WebhookRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The outbox and consent ports in memory, for testing the dispatcher's decisions without a database (the
 * SQL behind them is tested on PostgreSQL in the db module). Other repositories are not needed there.
 */
public final class InMemoryOutbox implements TransactionRunner, Repositories, OutboxRepository, ConsentRepository {

    /** One row of the fake outbox. */
    public static final class Row {
        public final OutboundSms sms;
        public DeliveryState state;
        public int attempts;
        public Instant nextAttemptAt;
        public Instant sendingStartedAt;
        public Instant lookedUpAt;
        final long seq;
        public String sid;
        public Integer errorCode;
        public String error;
        public boolean followUp;

        Row(OutboundSms sms, DeliveryState state, Instant now, long seq) {
            this.seq = seq;
            this.sms = sms;
            this.state = state;
            this.nextAttemptAt = sms.notBefore() != null && sms.notBefore().isAfter(now) ? sms.notBefore() : now;
        }
    }

    public final Map<UUID, Row> rows = new LinkedHashMap<>();
    public final Set<String> optedOut = new HashSet<>();
    public final List<UUID> leadsTouched = new ArrayList<>();
    private long nextSeq;

    @Override
    public synchronized <T> T inTransaction(Function<Repositories, T> work) {
        return work.apply(this);
    }

    @Override
    public UUID enqueue(OutboundSms sms, DeliveryState initialState, Instant now) {
        UUID id = UUID.randomUUID();
        rows.put(id, new Row(sms, initialState, now, nextSeq++));
        return id;
    }

    @Override
    public Optional<UUID> scheduleFollowUp(OutboundSms sms, Instant now) {
        boolean leadHasOne = rows.values().stream()
                .anyMatch(row -> row.followUp && sms.leadId().equals(row.sms.leadId()));
        if (leadHasOne) {
            return Optional.empty();
        }
        Row row = new Row(sms, DeliveryState.QUEUED, now, nextSeq++);
        row.followUp = true;
        UUID id = UUID.randomUUID();
        rows.put(id, row);
        return Optional.of(id);
    }

    @Override
    public List<UUID> cancelFollowUps(UUID businessId, String to, Instant now) {
        List<UUID> waiting = rows.entrySet().stream()
                .filter(e -> e.getValue().followUp
                        && e.getValue().state == DeliveryState.QUEUED
                        && e.getValue().sms.businessId().equals(businessId)
                        && e.getValue().sms.to().equals(to))
                .map(Map.Entry::getKey)
                .toList();
        for (UUID id : waiting) {
            Row row = rows.get(id);
            if (row.attempts == 0) {
                rows.remove(id);
            } else {
                row.state = DeliveryState.SUPPRESSED;
            }
        }
        return waiting;
    }

    @Override
    public List<UUID> suppressQueued(UUID businessId, String to, String reason, Instant now) {
        List<UUID> suppressed = new ArrayList<>();
        rows.forEach((id, row) -> {
            if (row.state == DeliveryState.QUEUED
                    && row.sms.businessId().equals(businessId)
                    && row.sms.to().equals(to)) {
                row.state = DeliveryState.SUPPRESSED;
                row.error = reason;
                suppressed.add(id);
            }
        });
        return suppressed;
    }

    /** As the claim on PostgreSQL: due rows that are first in their (from, to) queue, nothing of theirs in flight. */
    @Override
    public List<OutboundMessage> claimDue(Instant now, int limit) {
        List<OutboundMessage> claimed = new ArrayList<>();
        rows.entrySet().stream()
                .filter(e -> e.getValue().state == DeliveryState.QUEUED
                        && !e.getValue().nextAttemptAt.isAfter(now)
                        && !heldBehindAnother(e.getValue()))
                .sorted(Comparator.comparing(e -> e.getValue().nextAttemptAt))
                .limit(limit)
                .toList()
                .forEach(e -> {
                    Row row = e.getValue();
                    row.state = DeliveryState.SENDING;
                    row.attempts++;
                    row.sendingStartedAt = now;
                    row.lookedUpAt = null;
                    claimed.add(message(e.getKey(), row, now));
                });
        return claimed;
    }

    private boolean heldBehindAnother(Row row) {
        Comparator<Row> queueOrder = Comparator.<Row, Boolean>comparing(r -> r.attempts == 0)
                .thenComparing(r -> r.nextAttemptAt)
                .thenComparingLong(r -> r.seq);
        return rows.values().stream()
                .filter(other -> other != row
                        && other.sms.from().equals(row.sms.from())
                        && other.sms.to().equals(row.sms.to()))
                .anyMatch(other -> other.state == DeliveryState.SENDING
                        || (other.state == DeliveryState.QUEUED && queueOrder.compare(other, row) < 0));
    }

    @Override
    public List<OutboundMessage> claimStale(Instant startedBefore, Instant now, int limit) {
        List<OutboundMessage> claimed = new ArrayList<>();
        rows.entrySet().stream()
                .filter(e -> e.getValue().state == DeliveryState.SENDING
                        && (e.getValue().lookedUpAt == null ? e.getValue().sendingStartedAt : e.getValue().lookedUpAt)
                                .isBefore(startedBefore))
                .limit(limit)
                .forEach(e -> {
                    claimed.add(message(e.getKey(), e.getValue(), e.getValue().sendingStartedAt));
                    e.getValue().lookedUpAt = now;
                });
        return claimed;
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return rows.values().stream()
                .filter(row -> row.state == DeliveryState.QUEUED && !heldBehindAnother(row))
                .map(row -> row.nextAttemptAt)
                .min(Comparator.naturalOrder());
    }

    @Override
    public void markSent(UUID id, String twilioSid, String twilioStatus, Instant now) {
        finish(id, DeliveryState.SENT, null, null).sid = twilioSid;
    }

    @Override
    public void markSimulated(UUID id, Instant now) {
        finish(id, DeliveryState.SIMULATED, null, null);
    }

    @Override
    public void markSuppressed(UUID id, String reason, Instant now) {
        finish(id, DeliveryState.SUPPRESSED, null, reason);
    }

    @Override
    public void markFailed(UUID id, Integer errorCode, String error, Instant now) {
        finish(id, DeliveryState.FAILED, errorCode, error);
    }

    @Override
    public void reschedule(UUID id, Instant nextAttemptAt, Integer errorCode, String error, Instant now) {
        Row row = finish(id, DeliveryState.QUEUED, errorCode, error);
        row.nextAttemptAt = nextAttemptAt;
    }

    @Override
    public void defer(UUID id, Instant until, Instant now) {
        Row row = finish(id, DeliveryState.QUEUED, null, null);
        row.nextAttemptAt = until;
        row.attempts--;
    }

    @Override
    public OutboxStats stats(Instant now, Instant stuckBefore, Instant failedSince) {
        throw new UnsupportedOperationException("tested on PostgreSQL");
    }

    @Override
    public int requeueFailed(UUID id, Instant failedSince, Instant now) {
        throw new UnsupportedOperationException("tested on PostgreSQL");
    }

    @Override
    public Optional<MessageStatusRow> lockForStatusUpdate(UUID id, String twilioSid) {
        throw new UnsupportedOperationException("status callbacks are tested on PostgreSQL");
    }

    @Override
    public void updateProviderStatus(UUID id, String twilioSid, String twilioStatus, Integer errorCode, Instant now) {
        throw new UnsupportedOperationException("status callbacks are tested on PostgreSQL");
    }

    private Row finish(UUID id, DeliveryState state, Integer errorCode, String error) {
        Row row = rows.get(id);
        if (row.state != DeliveryState.SENDING) {
            throw new IllegalStateException("row " + id + " is " + row.state + ", not SENDING");
        }
        row.state = state;
        row.errorCode = errorCode;
        row.error = error;
        return row;
    }

    private static OutboundMessage message(UUID id, Row row, Instant startedAt) {
        OutboundSms sms = row.sms;
        return new OutboundMessage(
                id,
                sms.businessId(),
                sms.leadId(),
                sms.participant(),
                sms.from(),
                sms.to(),
                sms.body(),
                row.attempts,
                startedAt,
                sms.quietHoursZone());
    }

    @Override
    public boolean isOptedOut(UUID businessId, String phone) {
        return optedOut.contains(businessId + phone);
    }

    @Override
    public void recordOptOut(UUID businessId, String phone, String phoneRaw, String keyword, String sid, Instant at) {
        optedOut.add(businessId + phone);
    }

    @Override
    public void recordOptIn(UUID businessId, String phone, String phoneRaw, String keyword, String sid, Instant at) {
        optedOut.remove(businessId + phone);
    }

    @Override
    public OutboxRepository outbox() {
        return this;
    }

    @Override
    public ConsentRepository consents() {
        return this;
    }

    @Override
    public LeadRepository leads() {
        return (LeadRepository) java.lang.reflect.Proxy.newProxyInstance(
                LeadRepository.class.getClassLoader(), new Class<?>[] {LeadRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("recordOutbound")) {
                        leadsTouched.add((UUID) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public BusinessRepository businesses() {
        throw new UnsupportedOperationException();
    }

    @Override
    public CallRepository calls() {
        throw new UnsupportedOperationException();
    }

    @Override
    public MessageRepository messages() {
        throw new UnsupportedOperationException();
    }

    @Override
    public BillingEventLog billingEvents() {
        throw new UnsupportedOperationException();
    }

    @Override
    public MemberRepository members() {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuditLog audit() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ApiKeyRepository apiKeys() {
        throw new UnsupportedOperationException();
    }

    @Override
    public AnalyticsRepository analytics() {
        throw new UnsupportedOperationException();
    }

    @Override
    public OpeningHoursRepository openingHours() {
        throw new UnsupportedOperationException();
    }

    @Override
    public TextTemplateRepository textTemplates() {
        throw new UnsupportedOperationException();
    }

    @Override
    public WebhookRepository webhooks() {
        throw new UnsupportedOperationException();
    }
}
