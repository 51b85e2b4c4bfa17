package com.callbackcloser.db.adapter;

import com.callbackcloser.core.port.out.BillingEventLog;
import com.callbackcloser.db.dao.StripeEventDao;
import java.time.Instant;
import java.util.UUID;

final class JdbiBillingEventLog implements BillingEventLog {
    private final StripeEventDao dao;

    JdbiBillingEventLog(StripeEventDao dao) {
        this.dao = dao;
    }

    @Override
    public boolean record(String eventId, String type, Instant created, Instant receivedAt) {
        return dao.insert(eventId, type, created, receivedAt) == 1;
    }

    @Override
    public boolean contains(String eventId) {
        return dao.contains(eventId);
    }

    @Override
    public void recordOutcome(String eventId, UUID businessId, String outcome) {
        dao.recordOutcome(eventId, businessId, outcome);
    }
}
