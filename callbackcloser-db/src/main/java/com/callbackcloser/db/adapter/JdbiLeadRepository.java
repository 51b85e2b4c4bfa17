package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.Lead;
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
                .or(() -> dao.findByCallId(callId))
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
}
