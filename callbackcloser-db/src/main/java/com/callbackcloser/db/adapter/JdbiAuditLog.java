package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.AuditEntry;
import com.callbackcloser.core.model.FieldChange;
import com.callbackcloser.core.port.out.AuditLog;
import com.callbackcloser.db.dao.AuditDao;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class JdbiAuditLog implements AuditLog {
    private final AuditDao dao;

    JdbiAuditLog(AuditDao dao) {
        this.dao = dao;
    }

    @Override
    public void record(
            UUID businessId,
            String actor,
            String action,
            String target,
            List<FieldChange> changes,
            String correlationId,
            Instant at) {
        dao.insert(
                businessId,
                actor,
                action,
                target,
                changes.stream().map(FieldChange::field).toArray(String[]::new),
                changes.stream().map(FieldChange::from).toArray(String[]::new),
                changes.stream().map(FieldChange::to).toArray(String[]::new),
                correlationId,
                at);
    }

    @Override
    public List<AuditEntry> list(UUID businessId, Long beforeId, int limit) {
        return dao.list(businessId, beforeId, limit);
    }
}
