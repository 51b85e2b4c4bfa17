package com.callbackcloser.core.model.legacy;

/**
 * One old table's rows in one run: each read row is imported (or would be, in a dry run), already there from an
 * earlier run, or skipped with its reason.
 */
public record TableCount(long read, long imported, long alreadyThere, long skipped) {
    public static final TableCount NONE = new TableCount(0, 0, 0, 0);

    public TableCount plus(RowOutcome outcome) {
        return switch (outcome) {
            case IMPORTED -> new TableCount(read + 1, imported + 1, alreadyThere, skipped);
            case ALREADY_THERE -> new TableCount(read + 1, imported, alreadyThere + 1, skipped);
            case SKIPPED -> new TableCount(read + 1, imported, alreadyThere, skipped + 1);
        };
    }

    /** What became of one old row. */
    public enum RowOutcome {
        IMPORTED,
        ALREADY_THERE,
        SKIPPED
    }
}
