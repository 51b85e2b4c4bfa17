package com.callbackcloser.db;

import java.sql.Connection;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the changelog from code, for tests and for the development database. Operators use the same
 * changelog through {@code java -jar callbackcloser.jar db migrate config.yml}.
 */
public final class DatabaseMigrator {
    public static final String CHANGELOG = "migrations.xml";

    private DatabaseMigrator() {}

    @SuppressWarnings("deprecation") // Liquibase.update(Contexts, LabelExpression) is what dropwizard-migrations calls too.
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
