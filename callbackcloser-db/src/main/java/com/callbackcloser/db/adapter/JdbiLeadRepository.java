package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadCursor;
import com.callbackcloser.core.model.LeadFilter;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.model.LeadSummary;
import com.callbackcloser.core.model.UsagePeriod;
import com.callbackcloser.core.port.out.LeadRepository;
import com.callbackcloser.db.dao.LeadDao;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class JdbiLeadRepository implements LeadRepository {
    private final LeadDao dao;

    JdbiLeadRepository(LeadDao dao) {
        this.dao = dao;
    }

    @Override
    public Lead findOrCreateForCall(UUID businessId, UUID callId, String callerRaw, String callerNumber, Instant now) {
        return dao.insertIfAbsent(businessId, callId, callerRaw, callerNumber, now)
                .or(() -> dao.lockByCallId(callId))
                .orElseThrow(() -> new IllegalStateException("lead of call " + callId + " vanished"));
    }

    @Override
    public Optional<Lead> findById(UUID id) {
        return dao.findById(id);
    }

    @Override
    public List<Lead> listRecent(UUID businessId, int limit) {
        return dao.listRecent(businessId, limit);
    }

    @Override
    public Optional<Lead> lockLatestForCaller(UUID businessId, String callerNumber) {
        return dao.lockLatestForCaller(businessId, callerNumber);
    }

    @Override
    public void recordInbound(UUID leadId, Instant at) {
        dao.recordInbound(leadId, at);
    }

    @Override
    public void saveConversation(Lead lead, Instant now) {
        var answers = lead.qualification();
        dao.saveConversation(
                lead.id(),
                lead.status().name(),
                lead.conversationState().name(),
                answers.service(),
                answers.serviceRaw(),
                answers.urgency(),
                answers.zip(),
                answers.bestTime(),
                answers.contactName(),
                lead.smsStartedAt(),
                lead.smsCompletedAt(),
                now);
    }

    @Override
    public boolean claimOwnerNotice(UUID leadId, Instant now) {
        return dao.claimOwnerNotice(leadId, now) == 1;
    }

    @Override
    public void markBillingRequired(UUID leadId, Instant now) {
        dao.markBillingRequired(leadId, now);
    }

    @Override
    public void startConversation(UUID leadId, Instant now) {
        dao.startConversation(leadId, now);
    }

    @Override
    public void recordOutbound(UUID leadId, Instant at) {
        dao.recordOutbound(leadId, at);
    }

    @Override
    public boolean claimUsageLimitNotice(UUID leadId, Instant now) {
        return dao.claimUsageLimitNotice(leadId, now) == 1;
    }

    @Override
    public int countConversationsStarted(UUID businessId, UsagePeriod period) {
        return dao.countConversationsStarted(businessId, period.start(), period.end());
    }

    @Override
    public int countBillingRequired(UUID businessId) {
        return dao.countBillingRequired(businessId);
    }

    @Override
    public List<LeadSummary> page(UUID businessId, LeadFilter filter, LeadCursor after, int limit) {
        LeadSearch search = LeadSearch.of(filter);
        return dao.page(
                businessId,
                status(filter),
                search.clause(),
                search.pattern(),
                after == null ? null : after.createdAt(),
                after == null ? null : after.id(),
                limit);
    }

    @Override
    public List<LeadSummary> newerThan(UUID businessId, LeadFilter filter, LeadCursor newerThan, int limit) {
        LeadSearch search = LeadSearch.of(filter);
        return dao.newerThan(
                businessId,
                status(filter),
                search.clause(),
                search.pattern(),
                newerThan.createdAt(),
                newerThan.id(),
                limit);
    }

    private static String status(LeadFilter filter) {
        return filter.status() == null ? null : filter.status().name();
    }

    @Override
    public void recordOwnerReply(UUID leadId, Instant now) {
        dao.recordOwnerReply(leadId, now);
    }

    @Override
    public boolean claimReplyKey(UUID leadId, String replyKey, Instant now) {
        return dao.claimReplyKey(leadId, replyKey, now) == 1;
    }

    @Override
    public void attachReplyKey(UUID leadId, String replyKey, UUID messageId) {
        dao.attachReplyKey(leadId, replyKey, messageId);
    }

    @Override
    public Optional<UUID> messageOfReplyKey(UUID leadId, String replyKey) {
        return dao.messageOfReplyKey(leadId, replyKey);
    }

    @Override
    public Optional<Lead> findInBusiness(UUID businessId, UUID leadId) {
        return dao.findInBusiness(businessId, leadId);
    }

    @Override
    public void changeStatus(UUID leadId, LeadStatus status, Instant now) {
        dao.changeStatus(leadId, status.name(), now);
    }
}
