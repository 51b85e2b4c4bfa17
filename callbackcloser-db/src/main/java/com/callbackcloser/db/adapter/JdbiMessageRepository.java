package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.MessageRecord;
import com.callbackcloser.core.port.out.MessageRepository;
import com.callbackcloser.db.dao.MessageDao;
import java.util.List;
import java.util.UUID;

final class JdbiMessageRepository implements MessageRepository {
    private final MessageDao dao;

    JdbiMessageRepository(MessageDao dao) {
        this.dao = dao;
    }

    @Override
    public List<MessageRecord> transcript(UUID leadId) {
        return dao.transcript(leadId);
    }
}
