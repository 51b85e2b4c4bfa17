package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.model.OutboxStats;
import com.callbackcloser.core.model.Participant;
import com.callbackcloser.core.port.out.MessageStatusRow;
import com.callbackcloser.core.port.out.OutboxRepository;
import com.callbackcloser.db.dao.OutboxDao;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class JdbiOutboxRepository implements OutboxRepository {
    private final OutboxDao dao;

    JdbiOutboxRepository(OutboxDao dao) {
        this.dao = dao;
    }

    @Override
    public UUID enqueue(OutboundSms sms, DeliveryState initialState, Instant now) {
        if (initialState != DeliveryState.QUEUED && initialState != DeliveryState.SUPPRESSED) {
            throw new IllegalArgumentException("a new outbound message is QUEUED or SUPPRESSED, not " + initialState);
        }
        boolean queued = initialState == DeliveryState.QUEUED;
        UUID id = dao.insert(
                sms.businessId(),
                sms.leadId(),
                sms.participant().name(),
                sms.from(),
                sms.to(),
                sms.body(),
                initialState.name(),
                queued ? null : "recipient opted out",
                dueAt(sms, now),
                zoneId(sms),
                now);
        if (queued && !dueAt(sms, now).isAfter(now)) {
            dao.notifyWorkers();
        }
        return id;
    }

    @Override
    public Optional<UUID> scheduleFollowUp(OutboundSms sms, Instant now) {
        if (sms.leadId() == null || sms.participant() != Participant.LEAD) {
            throw new IllegalArgumentException("a follow-up goes to a lead's caller");
        }
        // Due later: the workers' poll finds it, no NOTIFY needed.
        return dao.insertFollowUp(
                sms.businessId(), sms.leadId(), sms.from(), sms.to(), sms.body(), dueAt(sms, now), zoneId(sms), now);
    }

    @Override
    public List<UUID> cancelFollowUps(UUID businessId, String to, Instant now) {
        List<UUID> cancelled = new ArrayList<>(dao.deleteUntriedFollowUps(businessId, to));
        cancelled.addAll(dao.suppressRetriedFollowUps(businessId, to, now));
        return cancelled;
    }

    @Override
    public List<UUID> suppressQueued(UUID businessId, String to, String reason, Instant now) {
        return dao.suppressQueued(businessId, to, reason, now);
    }

    private static String zoneId(OutboundSms sms) {
        return sms.quietHoursZone() == null ? null : sms.quietHoursZone().getId();
    }

    private static Instant dueAt(OutboundSms sms, Instant now) {
        return sms.notBefore() == null || sms.notBefore().isBefore(now) ? now : sms.notBefore();
    }

    @Override
    public List<OutboundMessage> claimDue(Instant now, int limit) {
        return dao.claimDue(now, limit);
    }

    @Override
    public List<OutboundMessage> claimStale(Instant startedBefore, Instant now, int limit) {
        return dao.claimStale(startedBefore, now, limit);
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return dao.nextDueAt();
    }

    @Override
    public void markSent(UUID id, String twilioSid, String twilioStatus, Instant now) {
        dao.markSent(id, twilioSid, twilioStatus, now);
    }

    @Override
    public void markSimulated(UUID id, Instant now) {
        dao.finish(id, DeliveryState.SIMULATED.name(), null, null, now);
    }

    @Override
    public void markSuppressed(UUID id, String reason, Instant now) {
        dao.finish(id, DeliveryState.SUPPRESSED.name(), null, reason, now);
    }

    @Override
    public void markFailed(UUID id, Integer errorCode, String error, Instant now) {
        dao.finish(id, DeliveryState.FAILED.name(), errorCode, error, now);
    }

    @Override
    public OutboxStats stats(Instant now, Instant stuckBefore, Instant failedSince) {
        return dao.stats(now, stuckBefore, failedSince);
    }

    @Override
    public int requeueFailed(UUID id, Instant failedSince, Instant now) {
        int requeued = dao.requeueFailed(id, failedSince, now);
        if (requeued > 0) {
            dao.notifyWorkers();
        }
        return requeued;
    }

    @Override
    public Optional<MessageStatusRow> lockForStatusUpdate(UUID id, String twilioSid) {
        if (id != null) {
            return dao.lockForStatusUpdateById(id);
        }
        return twilioSid == null ? Optional.empty() : dao.lockForStatusUpdateBySid(twilioSid);
    }

    @Override
    public void updateProviderStatus(UUID id, String twilioSid, String twilioStatus, Integer errorCode, Instant now) {
        dao.updateProviderStatus(id, twilioSid, twilioStatus, errorCode, now);
    }

    @Override
    public void reschedule(UUID id, Instant nextAttemptAt, Integer errorCode, String error, Instant now) {
        dao.reschedule(id, nextAttemptAt, errorCode, error, now);
    }

    @Override
    public void defer(UUID id, Instant until, Instant now) {
        dao.defer(id, until, now);
    }
}
