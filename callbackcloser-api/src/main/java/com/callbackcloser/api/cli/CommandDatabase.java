package com.callbackcloser.api.cli;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.db.DatabaseConnector;
import com.callbackcloser.api.db.DatabaseNotMigratedException;
import com.callbackcloser.core.port.out.TransactionRunner;
import com.callbackcloser.db.JdbiSetup;
import com.callbackcloser.db.adapter.JdbiTransactionRunner;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;

/**
 * The service's database for a one-off command: one connection, closed with the command. Refuses a database that
 * lacks this version's tables ({@link DatabaseNotMigratedException}) before the command reads anything.
 */
final class CommandDatabase implements AutoCloseable {
    private final DatabaseConnector connector;
    private final ManagedDataSource dataSource;
    private final Jdbi jdbi;
    private final TransactionRunner transactions;

    CommandDatabase(CallbackCloserConfiguration config) throws Exception {
        this.connector = DatabaseConnector.forService(config);
        config.getDatabase().asSingleConnectionPool();
        this.dataSource = config.getDatabase().build(new MetricRegistry(), "cli");
        this.dataSource.start();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseNotMigratedException.requireMigrated(connection);
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
        this.jdbi = JdbiSetup.configure(Jdbi.create(dataSource));
        this.transactions = new JdbiTransactionRunner(jdbi);
    }

    TransactionRunner transactions() {
        return transactions;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        try {
            dataSource.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the database connection", e);
        } finally {
            connector.stop();
        }
    }
}
