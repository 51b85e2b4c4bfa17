package com.callbackcloser.core.model.legacy;

import java.util.Objects;

/** An old row that was not imported, by table and old id, and why (for the operator to fix, then run again). */
public record SkippedRow(LegacyTable table, String legacyId, String reason) {
    public SkippedRow {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(legacyId, "legacyId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return table.oldName() + " " + legacyId + ": " + reason;
    }
}
