package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.MessageRecord;
import com.callbackcloser.core.port.out.MessageRepository;
import com.callbackcloser.db.dao.MessageDao;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class JdbiMessageRepository implements MessageRepository {
    private final MessageDao dao;

    JdbiMessageRepository(MessageDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<MessageRecord> find(UUID messageId) {
        return dao.find(messageId);
    }

    @Override
    public void recordSender(UUID messageId, String subject) {
        dao.recordSender(messageId, subject);
    }

    @Override
    public List<MessageRecord> transcript(UUID leadId) {
        return dao.transcript(leadId);
    }

    @Override
    public Optional<UUID> recordInbound(
            UUID businessId,
            String from,
            String to,
            String body,
            String messageSid,
            String rawPayloadJson,
            Instant now) {
        return dao.insertInbound(businessId, from, to, body, messageSid, rawPayloadJson, now);
    }

    @Override
    public void linkToLead(UUID messageId, UUID leadId) {
        dao.linkToLead(messageId, leadId);
    }

    @Override
    public void recordTwimlReply(UUID businessId, UUID leadId, String from, String to, String body, Instant now) {
        dao.insertTwimlReply(businessId, leadId, from, to, body, now);
    }
}
