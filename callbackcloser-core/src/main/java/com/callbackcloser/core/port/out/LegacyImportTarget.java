package com.callbackcloser.core.port.out;

import java.util.List;
import java.util.function.Function;

/** This service's database, as the import writes into it. */
public interface LegacyImportTarget {

    /** Changesets of our schema the database has not applied: the import refuses to write into it then. */
    List<String> missingChangeSets();

    /** One transaction: all of {@code work} commits, or none of it. */
    <T> T inTransaction(Function<LegacyImportStore, T> work);

    /** A read-only transaction, for the dry run: a write in it fails instead of happening. */
    <T> T inReadOnlyTransaction(Function<LegacyImportStore, T> work);
}
