package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One privileged change, kept forever: who did what to which thing, and the correlation id to find the request. */
public record AuditEntry(
        long id,
        UUID businessId,
        String actor,
        String action,
        String target,
        List<FieldChange> changes,
        String correlationId,
        Instant createdAt) {

    public AuditEntry {
        changes = List.copyOf(changes);
    }
}
