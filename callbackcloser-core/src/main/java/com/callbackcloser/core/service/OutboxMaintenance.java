package com.callbackcloser.core.service;

import com.callbackcloser.core.model.OutboxStats;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What operators ask of the outbox: how it is doing, and sending failed messages again. */
public final class OutboxMaintenance {
    private final TransactionRunner transactions;
    private final Duration sendingLease;
    private final Clock clock;

    public OutboxMaintenance(TransactionRunner transactions, Duration sendingLease, Clock clock) {
        this.transactions = transactions;
        this.sendingLease = sendingLease;
        this.clock = clock;
    }

    public OutboxStats stats() {
        Instant now = clock.instant();
        return transactions.inTransaction(repositories ->
                repositories.outbox().stats(now, now.minus(sendingLease), now.minus(Duration.ofHours(1))));
    }

    /**
     * Requeues failed messages: one by id, those failed since a time, or all. Each is sent with a fresh set of
     * attempts; a recipient who opted out meanwhile is still not texted (the worker checks at send time).
     */
    public int requeueFailed(UUID id, Instant failedSince) {
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> repositories.outbox().requeueFailed(id, failedSince, now));
    }
}
