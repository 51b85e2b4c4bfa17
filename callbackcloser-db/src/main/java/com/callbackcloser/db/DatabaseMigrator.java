package com.callbackcloser.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the changelog from code, for tests and for the development database. Operators use the same
 * changelog through {@code java -jar callbackcloser.jar db migrate config.yml}.
 */
public final class DatabaseMigrator {
    public static final String CHANGELOG = "migrations.xml";

    private DatabaseMigrator() {}

    /** The ids of every changeset in the changelog: what a database of this version must have applied. */
    public static Set<String> changeSetIds() {
        return ChangeSetIds.ALL;
    }

    /**
     * The changesets of this version that the database has not applied: all of them when it was never migrated
     * (no {@code databasechangelog} table), none when it is up to date or ahead.
     */
    public static Set<String> pendingChangeSets(Connection connection) throws SQLException {
        Set<String> pending = new HashSet<>(changeSetIds());
        try (Statement statement = connection.createStatement();
                ResultSet exists =
                        statement.executeQuery("SELECT to_regclass('public.databasechangelog') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return Set.copyOf(pending);
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet applied = statement.executeQuery("SELECT id FROM databasechangelog")) {
            while (applied.next()) {
                pending.remove(applied.getString(1));
            }
        }
        return Set.copyOf(pending);
    }

    /** Parsed once: the changelog is part of the jar and does not change while it runs. */
    private static final class ChangeSetIds {
        private static final Set<String> ALL = parse();

        private ChangeSetIds() {}
    }

    private static Set<String> parse() {
        try {
            ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor();
            DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance()
                    .getParser(CHANGELOG, resources)
                    .parse(CHANGELOG, new ChangeLogParameters(), resources);
            return changeLog.getChangeSets().stream().map(ChangeSet::getId).collect(Collectors.toUnmodifiableSet());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the changelog " + CHANGELOG, e);
        }
    }

    @SuppressWarnings(
            "deprecation") // Liquibase.update(Contexts, LabelExpression) is what dropwizard-migrations calls too.
    public static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        } catch (Exception e) {
            throw new IllegalStateException("database migration failed", e);
        }
    }
}
