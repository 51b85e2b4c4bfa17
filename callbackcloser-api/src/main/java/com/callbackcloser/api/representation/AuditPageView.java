package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.AuditEntry;
import com.callbackcloser.core.model.FieldChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Audit entries, newest first; pass {@code nextBefore} as {@code before} for older ones. */
public record AuditPageView(List<EntryView> entries, Long nextBefore) {

    public record EntryView(
            long id,
            String actor,
            String action,
            String target,
            Map<String, ChangeView> changes,
            String correlationId,
            Instant createdAt) {}

    public record ChangeView(String from, String to) {}

    public static AuditPageView of(List<AuditEntry> entries, int limit) {
        List<EntryView> views = entries.stream().map(AuditPageView::view).toList();
        Long nextBefore =
                entries.size() == limit ? entries.get(entries.size() - 1).id() : null;
        return new AuditPageView(views, nextBefore);
    }

    private static EntryView view(AuditEntry e) {
        Map<String, ChangeView> changes = new LinkedHashMap<>();
        for (FieldChange change : e.changes()) {
            changes.put(change.field(), new ChangeView(change.from(), change.to()));
        }
        return new EntryView(e.id(), e.actor(), e.action(), e.target(), changes, e.correlationId(), e.createdAt());
    }
}
