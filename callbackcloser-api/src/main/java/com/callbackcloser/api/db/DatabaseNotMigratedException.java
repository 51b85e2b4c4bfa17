package com.callbackcloser.api.db;

import com.callbackcloser.db.DatabaseMigrator;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The database lacks changesets this version needs: it was never migrated, or was migrated by an older version.
 * Every command that reads the database checks first and says so in one line, instead of failing later on a
 * missing table with a stack trace.
 */
public final class DatabaseNotMigratedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int pending;
    private final boolean neverMigrated;

    private DatabaseNotMigratedException(int pending, boolean neverMigrated) {
        super(describe(pending, neverMigrated) + ": run db migrate first");
        this.pending = pending;
        this.neverMigrated = neverMigrated;
    }

    /** Throws when the database on this connection is missing any changeset of this version. */
    public static void requireMigrated(Connection connection) throws SQLException {
        Set<String> pending = DatabaseMigrator.pendingChangeSets(connection);
        if (!pending.isEmpty()) {
            int all = DatabaseMigrator.changeSetIds().size();
            throw new DatabaseNotMigratedException(pending.size(), pending.size() == all);
        }
    }

    public int pending() {
        return pending;
    }

    public boolean neverMigrated() {
        return neverMigrated;
    }

    /** The line an operator reads: what is wrong and the command that fixes it, with their config file. */
    public String instruction(String configFile) {
        return describe(pending, neverMigrated) + ": run db migrate first: java -jar " + jarName() + " db migrate "
                + (configFile == null ? "config.yml" : configFile);
    }

    private static String describe(int pending, boolean neverMigrated) {
        return neverMigrated
                ? "the database was never migrated (it has none of the service's tables)"
                : "the database is " + pending + " migration(s) behind this version of the service";
    }

    /** The jar this runs from, as the operator would type it; callbackcloser.jar when not run from one. */
    private static String jarName() {
        CodeSource source =
                DatabaseNotMigratedException.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "callbackcloser.jar";
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (!location.toString().endsWith(".jar")) {
                return "callbackcloser.jar";
            }
            Path here = Path.of("").toAbsolutePath();
            return location.startsWith(here) ? here.relativize(location).toString() : location.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "callbackcloser.jar";
        }
    }
}
