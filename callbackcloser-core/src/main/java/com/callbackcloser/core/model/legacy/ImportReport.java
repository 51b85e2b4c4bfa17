package com.callbackcloser.core.model.legacy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of the import did (or, in a dry run, would do), table by table.
 *
 * @param notes things the operator should know that are not failures (two old consents that are one phone here)
 */
public record ImportReport(
        boolean dryRun, Map<LegacyTable, TableCount> counts, List<SkippedRow> skipped, List<String> notes) {

    public ImportReport {
        Objects.requireNonNull(counts, "counts");
        EnumMap<LegacyTable, TableCount> all = new EnumMap<>(LegacyTable.class);
        for (LegacyTable table : LegacyTable.values()) {
            all.put(table, counts.getOrDefault(table, TableCount.NONE));
        }
        counts = Map.copyOf(all);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    public TableCount count(LegacyTable table) {
        return counts.get(table);
    }

    /** Every old row is here now (or would be): nothing was skipped. */
    public boolean complete() {
        return skipped.isEmpty();
    }

    /** Nothing was (or would be) written: every row was already there or skipped. */
    public boolean changedNothing() {
        return counts.values().stream().allMatch(count -> count.imported() == 0);
    }
}
