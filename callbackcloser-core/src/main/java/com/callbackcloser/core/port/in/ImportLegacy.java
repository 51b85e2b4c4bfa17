package com.callbackcloser.core.port.in;

/**
 * One run of the import.
 *
 * @param dryRun read both databases and report, write nothing
 * @param batchSize rows of calls, leads and messages per transaction; a run stopped half-way keeps the batches
 *     it committed, and the next run goes on after them
 */
public record ImportLegacy(boolean dryRun, int batchSize) {
    public static final int DEFAULT_BATCH_SIZE = 500;

    public ImportLegacy {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size is at least 1");
        }
    }
}
