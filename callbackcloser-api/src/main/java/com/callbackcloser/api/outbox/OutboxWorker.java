package com.callbackcloser.api.outbox;

import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.service.OutboxDispatcher;
import com.callbackcloser.db.DatabaseErrors;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds. One dispatcher thread claims due messages, as many as there are free send
 * slots, and hands each to a pool of sender threads, so a slow Twilio answer holds one slot, not the queue.
 * It sleeps until woken ({@link #wake()}: a transaction queued a message, or a send finished) or until the
 * next retry is due, and never longer than the poll interval, the safety net for a lost notification.
 * Any number of instances can run against one database: claims use FOR UPDATE SKIP LOCKED.
 */
public final class OutboxWorker implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final Duration ERROR_BACKOFF = Duration.ofSeconds(1);
    private static final int STALE_BATCH = 50;

    private final OutboxDispatcher dispatcher;
    private final Decisions decisions;
    private final int concurrency;
    private final Duration pollInterval;
    private final Duration sendingLease;
    private final Clock clock;
    private final Semaphore freeSlots;
    private final Object signal = new Object();
    private final AtomicInteger inFlight = new AtomicInteger();
    private boolean woken;
    private volatile boolean running;
    private Thread dispatcherThread;
    private ExecutorService senders;
    private Instant nextStaleCheck = Instant.MIN;

    public OutboxWorker(
            OutboxDispatcher dispatcher,
            int concurrency,
            Duration pollInterval,
            Duration sendingLease,
            Clock clock,
            Decisions decisions) {
        this.dispatcher = dispatcher;
        this.decisions = decisions;
        this.concurrency = concurrency;
        this.pollInterval = pollInterval;
        this.sendingLease = sendingLease;
        this.clock = clock;
        this.freeSlots = new Semaphore(concurrency);
    }

    @Override
    public void start() {
        running = true;
        AtomicInteger senderNumber = new AtomicInteger();
        senders = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "outbox-sender-" + senderNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        dispatcherThread = new Thread(this::dispatchLoop, "outbox-dispatcher");
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

    /** Messages being sent right now (for health checks and tests). */
    public int inFlight() {
        return inFlight.get();
    }

    private void dispatchLoop() {
        while (running) {
            try {
                settleInterruptedSendsWhenDue();
                int claimed = dispatchDue();
                if (claimed == 0 || freeSlots.availablePermits() == 0) {
                    sleepUntilWokenOr(timeToNextDue());
                }
            } catch (RuntimeException e) {
                // Typically the database is unreachable; the rows are safe where they are.
                LOG.warn("event=outbox.dispatch decision=backoff error=\"{}\"", DatabaseErrors.describe(e));
                sleepUntilWokenOr(ERROR_BACKOFF);
            }
        }
    }

    private int dispatchDue() {
        int slots = freeSlots.availablePermits();
        if (slots == 0) {
            return 0;
        }
        List<OutboundMessage> due = dispatcher.claimDue(slots);
        for (OutboundMessage message : due) {
            freeSlots.acquireUninterruptibly();
            inFlight.incrementAndGet();
            senders.execute(() -> send(message));
        }
        return due.size();
    }

    private void send(OutboundMessage message) {
        try {
            decisions.count("outbox", dispatcher.deliver(message).logName());
        } catch (RuntimeException e) {
            // Recording the result failed (database down): the row stays SENDING and is settled after its lease.
            LOG.error(
                    "event=twilio.messaging decision=unrecorded messageId={} error=\"{}\"",
                    message.id(),
                    DatabaseErrors.describe(e),
                    DatabaseErrors.redacted(e));
        } finally {
            inFlight.decrementAndGet();
            freeSlots.release();
            wake();
        }
    }

    private void settleInterruptedSendsWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextStaleCheck)) {
            return;
        }
        nextStaleCheck = now.plus(sendingLease.dividedBy(2));
        while (running && dispatcher.settleInterrupted(sendingLease, STALE_BATCH) == STALE_BATCH) {
            // keep going while whole batches come back
        }
    }

    private Duration timeToNextDue() {
        Duration wait = pollInterval;
        Instant now = clock.instant();
        var nextDue = dispatcher.nextDueAt();
        if (nextDue.isPresent()) {
            Duration untilDue = Duration.between(now, nextDue.get());
            if (untilDue.compareTo(wait) < 0) {
                wait = untilDue.isNegative() ? Duration.ZERO : untilDue;
            }
        }
        Duration untilStaleCheck = Duration.between(now, nextStaleCheck);
        return untilStaleCheck.compareTo(wait) < 0 && !untilStaleCheck.isNegative() ? untilStaleCheck : wait;
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

    /** Stops claiming, then lets sends in flight finish (they are short: one HTTP call each). */
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
                LOG.warn("event=outbox.stop decision=abandoned inFlight={} (settled after the lease)", inFlight.get());
                senders.shutdownNow();
            }
        }
    }
}
