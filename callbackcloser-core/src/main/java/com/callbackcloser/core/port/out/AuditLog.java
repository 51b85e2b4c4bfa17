package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.AuditEntry;
import com.callbackcloser.core.model.FieldChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Append-only: entries are added, never changed or removed. */
public interface AuditLog {

    void record(
            UUID businessId,
            String actor,
            String action,
            String target,
            List<FieldChange> changes,
            String correlationId,
            Instant at);

    /** Newest first, older than the entry {@code beforeId} when given. */
    List<AuditEntry> list(UUID businessId, Long beforeId, int limit);
}
