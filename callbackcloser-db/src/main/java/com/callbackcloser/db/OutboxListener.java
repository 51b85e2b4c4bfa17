package com.callbackcloser.db;

import com.callbackcloser.db.dao.OutboxDao;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that LISTENs on the outbox channel and calls {@code onQueued} whenever a transaction
 * that queued a message commits, so a worker starts sending within milliseconds instead of at its next poll.
 * The connection is outside the pool; when it breaks it is reopened, and {@code onQueued} is called after
 * each (re)connect in case a notification was missed meanwhile.
 */
public final class OutboxListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxListener.class);
    private static final int RECEIVE_TIMEOUT_MILLIS = 1_000;

    /** Opens a fresh connection to the service's database. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private final ConnectionFactory connections;
    private final String channel;
    private final Runnable onQueued;
    private final Duration reconnectDelay;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection current;

    public OutboxListener(ConnectionFactory connections, Runnable onQueued, Duration reconnectDelay) {
        this(connections, OutboxDao.CHANNEL, "outbox-listener", onQueued, reconnectDelay);
    }

    /** A listener on another queue's channel (the outbound webhooks use the same pattern). */
    public OutboxListener(
            ConnectionFactory connections,
            String channel,
            String threadName,
            Runnable onQueued,
            Duration reconnectDelay) {
        this.connections = connections;
        this.channel = channel;
        this.onQueued = onQueued;
        this.reconnectDelay = reconnectDelay;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try (Connection connection = connections.open()) {
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                onQueued.run();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(RECEIVE_TIMEOUT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        onQueued.run();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("event=outbox.listener decision=reconnect error=\"{}\"", e.getMessage());
                    sleep(reconnectDelay);
                }
            } finally {
                current = null;
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        Connection connection = current;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the listener connection", e);
            }
        }
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
