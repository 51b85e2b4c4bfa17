package com.callbackcloser.api.twilio;

import com.callbackcloser.core.service.IncomingCallService;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the voice webhook's forwarding cache at start-up (before the server takes calls) and again every interval,
 * so a number nobody has called lately is still covered when the database goes away. A refresh that fails keeps
 * what the cache has: its entries age towards the cache's bound and are then no longer used.
 */
public final class ForwardingRefresher implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger("twilio.voice");

    private final IncomingCallService incomingCalls;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> refreshes;

    public ForwardingRefresher(IncomingCallService incomingCalls, Duration interval) {
        this.incomingCalls = incomingCalls;
        this.interval = interval;
    }

    @Override
    public void start() {
        refresh();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "forwarding-cache-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refreshes = scheduler.scheduleWithFixedDelay(
                this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            refreshes.cancel(false);
            scheduler.shutdownNow();
        }
    }

    private void refresh() {
        try {
            int numbers = incomingCalls.refreshForwarding();
            LOG.debug("event=twilio.forwarding-cache decision=refreshed numbers={}", numbers);
        } catch (RuntimeException e) {
            LOG.warn("event=twilio.forwarding-cache decision=refresh_failed error=\"{}\"", e.toString());
        }
    }
}
