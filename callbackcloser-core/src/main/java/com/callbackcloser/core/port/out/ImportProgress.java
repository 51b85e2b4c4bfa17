package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.legacy.LegacyTable;

/** Who watches an import run: the command prints progress; a test stops the run half-way. */
public interface ImportProgress {
    ImportProgress NONE = new ImportProgress() {};

    /** A row was written, inside its batch's transaction (not yet committed). */
    default void rowWritten(LegacyTable table, String legacyId) {}

    /** A batch of rows of {@code table} is committed (or, in a dry run, checked); {@code read} so far. */
    default void batchDone(LegacyTable table, long read) {}
}
