package com.callbackcloser.api.webhooks;

import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.core.model.ClaimedWebhook;
import com.callbackcloser.core.service.WebhookDispatcher;
import com.callbackcloser.db.DatabaseErrors;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbound webhooks, the way the SMS outbox worker sends texts: one dispatcher thread claims due
 * deliveries, as many as there are free slots, and a pool of sender threads POSTs them, so a slow receiver holds
 * one slot, not the queue. It sleeps until woken (a transaction queued a delivery, or a slot came free), until
 * the next retry is due, or at most the poll interval. Any number of instances: claims use FOR UPDATE SKIP LOCKED.
 */
public final class WebhookWorker implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    private static final Duration ERROR_BACKOFF = Duration.ofSeconds(1);

    private final WebhookDispatcher dispatcher;
    private final Decisions decisions;
    private final int concurrency;
    private final Duration pollInterval;
    private final Clock clock;
    private final Semaphore freeSlots;
    private final Object signal = new Object();
    private final AtomicInteger inFlight = new AtomicInteger();
    private boolean woken;
    private volatile boolean running;
    private Thread dispatcherThread;
    private ExecutorService senders;

    public WebhookWorker(
            WebhookDispatcher dispatcher, int concurrency, Duration pollInterval, Clock clock, Decisions decisions) {
        this.dispatcher = dispatcher;
        this.decisions = decisions;
        this.concurrency = concurrency;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.freeSlots = new Semaphore(concurrency);
    }

    @Override
    public void start() {
        running = true;
        AtomicInteger senderNumber = new AtomicInteger();
        senders = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender-" + senderNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        dispatcherThread = new Thread(this::dispatchLoop, "webhook-dispatcher");
        dispatcherThread.setDaemon(true);
        dispatcherThread.start();
    }

    /** Something was queued or a slot came free: look again now. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    private void dispatchLoop() {
        while (running) {
            try {
                int claimed = dispatchDue();
                if (claimed == 0 || freeSlots.availablePermits() == 0) {
                    sleepUntilWokenOr(timeToNextDue());
                }
            } catch (RuntimeException e) {
                // Typically the database is unreachable; the rows are safe where they are.
                LOG.warn("event=webhooks.dispatch decision=backoff error=\"{}\"", DatabaseErrors.describe(e));
                sleepUntilWokenOr(ERROR_BACKOFF);
            }
        }
    }

    private int dispatchDue() {
        int slots = freeSlots.availablePermits();
        if (slots == 0) {
            return 0;
        }
        List<ClaimedWebhook> due = dispatcher.claimDue(slots);
        for (ClaimedWebhook webhook : due) {
            freeSlots.acquireUninterruptibly();
            inFlight.incrementAndGet();
            senders.execute(() -> deliver(webhook));
        }
        return due.size();
    }

    private void deliver(ClaimedWebhook webhook) {
        try {
            decisions.count("webhooks", dispatcher.deliver(webhook).logName());
        } catch (RuntimeException e) {
            // Recording the result failed (database down): the row stays DELIVERING and is sent again after its lease.
            LOG.error(
                    "event=webhooks.outbound decision=unrecorded deliveryId={} error=\"{}\"",
                    webhook.id(),
                    DatabaseErrors.describe(e),
                    DatabaseErrors.redacted(e));
        } finally {
            inFlight.decrementAndGet();
            freeSlots.release();
            wake();
        }
    }

    private Duration timeToNextDue() {
        Duration wait = pollInterval;
        var nextDue = dispatcher.nextDueAt();
        if (nextDue.isPresent()) {
            Duration untilDue = Duration.between(clock.instant(), nextDue.get());
            if (untilDue.compareTo(wait) < 0) {
                wait = untilDue.isNegative() ? Duration.ZERO : untilDue;
            }
        }
        return wait;
    }

    private void sleepUntilWokenOr(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (!woken && running) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            woken = false;
        }
    }

    /** Stops claiming, then lets deliveries in flight finish (each is bounded by the request timeout). */
    @Override
    public void stop() throws InterruptedException {
        running = false;
        wake();
        if (dispatcherThread != null) {
            dispatcherThread.join(TimeUnit.SECONDS.toMillis(10));
        }
        if (senders != null) {
            senders.shutdown();
            if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn(
                        "event=webhooks.stop decision=abandoned inFlight={} (sent again after the lease)",
                        inFlight.get());
                senders.shutdownNow();
            }
        }
    }
}
