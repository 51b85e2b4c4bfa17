package com.callbackcloser.db.legacy;

import com.callbackcloser.core.port.out.LegacyImportStore;
import com.callbackcloser.core.port.out.LegacyImportTarget;
import com.callbackcloser.db.DatabaseMigrator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/** This service's database, for the import: its transactions, and whether its schema is the one we expect. */
public final class JdbiLegacyImportTarget implements LegacyImportTarget {
    private final Jdbi jdbi;

    /** {@code jdbi} as {@link com.callbackcloser.db.JdbiSetup} configures it (instants as timestamptz). */
    public JdbiLegacyImportTarget(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<String> missingChangeSets() {
        Set<String> missing = new HashSet<>(DatabaseMigrator.changeSetIds());
        jdbi.useHandle(handle -> {
            boolean migrated = handle.createQuery("SELECT to_regclass('databasechangelog') IS NOT NULL")
                    .mapTo(Boolean.class)
                    .one();
            if (migrated) {
                handle.createQuery("SELECT id FROM databasechangelog")
                        .mapTo(String.class)
                        .forEach(missing::remove);
            }
        });
        return missing.stream().sorted().toList();
    }

    @Override
    public <T> T inTransaction(Function<LegacyImportStore, T> work) {
        return jdbi.inTransaction(handle -> work.apply(new JdbiLegacyImportStore(handle)));
    }

    @Override
    public <T> T inReadOnlyTransaction(Function<LegacyImportStore, T> work) {
        return jdbi.inTransaction(handle -> {
            handle.execute("SET TRANSACTION READ ONLY");
            return work.apply(new JdbiLegacyImportStore(handle));
        });
    }
}
