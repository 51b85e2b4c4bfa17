package com.callbackcloser.api.db;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.config.DatabaseConfiguration;
import com.callbackcloser.api.config.EmbeddedDatabaseConfiguration;
import com.callbackcloser.db.embedded.EmbeddedDatabase;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Points the pool at the right database before anything connects: {@code DATABASE_URL} (or, for migrations,
 * {@code MIGRATION_DATABASE_URL}) when set, else the embedded development database, started or attached to
 * here. Production never gets the embedded database.
 */
public final class DatabaseConnector implements Managed {
    private static final String PREPARE_THRESHOLD = "prepareThreshold";
    private final EmbeddedDatabase embedded;

    private DatabaseConnector(EmbeddedDatabase embedded) {
        this.embedded = embedded;
    }

    /** The database the service's pool uses. */
    public static DatabaseConnector forService(CallbackCloserConfiguration config) {
        return connect(config, config.getDatabase().getUrl());
    }

    /** The database migrations run against: the direct migration URL when there is one. */
    public static DatabaseConnector forMigrations(CallbackCloserConfiguration config) {
        DatabaseConfiguration database = config.getDatabase();
        String url = DatabaseConfiguration.isEmbedded(database.getMigrationUrl())
                ? database.getUrl()
                : database.getMigrationUrl();
        return connect(config, url);
    }

    private static DatabaseConnector connect(CallbackCloserConfiguration config, String url) {
        DatabaseConfiguration database = config.getDatabase();
        // Set once per physical connection: the transaction runner relies on READ COMMITTED without asking.
        database.setDefaultTransactionIsolation(DataSourceFactory.TransactionIsolation.READ_COMMITTED);
        if (!DatabaseConfiguration.isEmbedded(url)) {
            PostgresUrl target = PostgresUrl.parse(url);
            if (target.isPooler() && !target.jdbcUrl().contains("prepareThreshold=")) {
                // A transaction-mode pooler hands each transaction any server connection, where the driver's
                // server-side prepared statements may not exist: "prepared statement S_1 does not exist".
                database.getProperties().putIfAbsent(PREPARE_THRESHOLD, "0");
            }
            database.setUrl(target.jdbcUrl());
            if (target.user() != null) {
                database.setUser(target.user());
            }
            if (target.password() != null) {
                database.setPassword(target.password());
            }
            return new DatabaseConnector(null);
        }
        if (config.isProduction()) {
            throw new IllegalStateException("DATABASE_URL is not set; production never starts the embedded database");
        }
        EmbeddedDatabaseConfiguration settings = database.getEmbedded();
        EmbeddedDatabase embedded = EmbeddedDatabase.startOrAttach(
                Path.of(settings.getDirectory()), settings.getPort(), settings.getDatabaseName());
        database.setUrl(embedded.jdbcUrl());
        database.setUser(embedded.user());
        database.setPassword("");
        return new DatabaseConnector(embedded);
    }

    /**
     * A connection for a session that lives as long as the service (LISTEN): to the direct host when
     * {@code MIGRATION_DATABASE_URL} names one, because a transaction-mode pooler would drop the session's
     * LISTEN between transactions; else like the pool's.
     */
    public static Connection openSession(DatabaseConfiguration database) throws SQLException {
        if (DatabaseConfiguration.isEmbedded(database.getMigrationUrl())) {
            return openDirect(database);
        }
        PostgresUrl direct = PostgresUrl.parse(database.getMigrationUrl());
        Properties properties = new Properties();
        properties.putAll(database.getProperties());
        String user = direct.user() != null ? direct.user() : database.getUser();
        String password = direct.user() != null ? direct.password() : database.getPassword();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(direct.jdbcUrl(), properties);
    }

    /** A connection outside the pool, with the same URL, credentials and driver properties as the pool. */
    public static Connection openDirect(DatabaseConfiguration database) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(database.getProperties());
        if (database.getUser() != null) {
            properties.setProperty("user", database.getUser());
        }
        if (database.getPassword() != null) {
            properties.setProperty("password", database.getPassword());
        }
        return DriverManager.getConnection(database.getUrl(), properties);
    }

    public boolean usesEmbeddedDatabase() {
        return embedded != null;
    }

    @Override
    public void start() {
        // Connected in the factory methods, before the pool is built.
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
