package com.callbackcloser.core.service;

import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.model.PhoneNumbers;
import com.callbackcloser.core.model.QuietHours;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.SendResult;
import com.callbackcloser.core.port.out.SmsGateway;
import com.callbackcloser.core.port.out.SmsRequest;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules for sending what the outbox holds. The worker threads that call it live in the application;
 * this class decides, per claimed message, whether it may still go out and what its result means.
 *
 * <p>Order: the claim hands out at most one message per (from, to) at a time, the first of that pair's queue, and
 * the next only once it is settled (the claim statement decides it, for every instance). So a caller's texts reach
 * Twilio one after the other, in the order queued, and a STOP stops all those still behind the one in flight.
 *
 * <p>Crash policy: a message is claimed (state SENDING, committed) before Twilio is called and settled after.
 * If the process dies in between, the message stays SENDING. After a lease it is claimed again by
 * {@link #settleInterrupted}, which asks Twilio whether it accepted a message with that sender, recipient
 * and body since the claim: if so the SID is recorded and nothing is resent, otherwise it is queued again.
 * While Twilio cannot be asked, the message is held, never blindly resent. A send that timed out after the
 * request went out is treated the same way: it may have been accepted, so it waits for the lease and the
 * lookup instead of being retried at once.
 */
public final class OutboxDispatcher {
    /** Twilio: "Attempt to send to unsubscribed recipient". */
    public static final int TWILIO_UNSUBSCRIBED_RECIPIENT = 21610;

    private static final Logger LOG = LoggerFactory.getLogger("twilio.messaging");
    /** Clocks of Twilio and ours disagree a little; look a bit before the claim. */
    private static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(2);

    private final TransactionRunner transactions;
    private final SmsGateway gateway;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final DoubleSupplier jitter;

    public OutboxDispatcher(
            TransactionRunner transactions,
            SmsGateway gateway,
            RetryPolicy retryPolicy,
            Clock clock,
            DoubleSupplier jitter) {
        this.transactions = transactions;
        this.gateway = gateway;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.jitter = jitter;
    }

    /** Claims up to {@code limit} due messages for this worker. */
    public List<OutboundMessage> claimDue(int limit) {
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> repositories.outbox().claimDue(now, limit));
    }

    /** When the next queued message becomes due, so an idle worker knows how long it may sleep. */
    public Optional<Instant> nextDueAt() {
        return transactions.inTransaction(repositories -> repositories.outbox().nextDueAt());
    }

    /**
     * Sends one claimed message, unless its recipient opted out since it was queued or is inside their quiet
     * hours (for a text that keeps them), and records the result.
     */
    public DeliveryOutcome deliver(OutboundMessage message) {
        boolean optedOut = transactions.inTransaction(
                repositories -> repositories.consents().isOptedOut(message.businessId(), message.to()));
        if (optedOut) {
            transactions.inTransaction(repositories -> {
                repositories.outbox().markSuppressed(message.id(), "recipient opted out", clock.instant());
                return null;
            });
            return logged(message, DeliveryOutcome.SUPPRESSED, null);
        }
        Optional<Instant> morning = quietHoursEnd(message);
        if (morning.isPresent()) {
            transactions.inTransaction(repositories -> {
                repositories.outbox().defer(message.id(), morning.get(), clock.instant());
                return null;
            });
            return logged(message, DeliveryOutcome.DEFERRED_TO_MORNING, null);
        }
        SendResult result;
        try {
            result = gateway.send(toRequest(message));
        } catch (RuntimeException e) {
            // A gateway bug must not leave the row in SENDING until the lease runs out.
            result = new SendResult.Refused(null, null, e.toString(), true);
        }
        return record(message, result);
    }

    /**
     * When the recipient's quiet hours end, if they are on now. The time was set when the text was queued; this
     * covers a text claimed late (workers down for hours) and a retry that landed after 21:00.
     */
    private Optional<Instant> quietHoursEnd(OutboundMessage message) {
        if (message.quietHoursZone() == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant opens = QuietHours.earliestSendAt(now, message.quietHoursZone());
        return opens.isAfter(now) ? Optional.of(opens) : Optional.empty();
    }

    private DeliveryOutcome record(OutboundMessage message, SendResult result) {
        if (result instanceof SendResult.Unknown) {
            return logged(message, DeliveryOutcome.OUTCOME_UNKNOWN, result);
        }
        Instant now = clock.instant();
        DeliveryOutcome outcome = transactions.inTransaction(repositories -> {
            var outbox = repositories.outbox();
            if (result instanceof SendResult.Accepted accepted) {
                outbox.markSent(message.id(), accepted.sid(), accepted.providerStatus(), now);
                recordOutboundOnLead(repositories, message, now);
                return DeliveryOutcome.SENT;
            }
            if (result instanceof SendResult.Simulated) {
                outbox.markSimulated(message.id(), now);
                recordOutboundOnLead(repositories, message, now);
                return DeliveryOutcome.SIMULATED;
            }
            SendResult.Refused refused = (SendResult.Refused) result;
            if (Integer.valueOf(TWILIO_UNSUBSCRIBED_RECIPIENT).equals(refused.errorCode())) {
                outbox.markFailed(message.id(), refused.errorCode(), refused.message(), now);
                repositories
                        .consents()
                        .recordOptOut(
                                message.businessId(),
                                message.to(),
                                message.to(),
                                "TWILIO_" + refused.errorCode(),
                                null,
                                now);
                // Like a STOP: what waits behind this text for the same phone is settled too.
                outbox.suppressQueued(message.businessId(), message.to(), "recipient opted out", now);
                return DeliveryOutcome.FAILED_RECIPIENT_OPTED_OUT;
            }
            Optional<Instant> retryAt = refused.retryable()
                    ? retryPolicy.nextAttempt(message.attempts(), now, jitter.getAsDouble())
                    : Optional.empty();
            if (retryAt.isPresent()) {
                outbox.reschedule(message.id(), retryAt.get(), refused.errorCode(), refused.message(), now);
                return DeliveryOutcome.RETRY_SCHEDULED;
            }
            outbox.markFailed(message.id(), refused.errorCode(), refused.message(), now);
            return DeliveryOutcome.FAILED;
        });
        return logged(message, outcome, result);
    }

    /**
     * Settles messages whose worker died mid-send (SENDING for longer than {@code lease}).
     *
     * @return how many were looked at
     */
    public int settleInterrupted(Duration lease, int limit) {
        Instant now = clock.instant();
        List<OutboundMessage> stale = transactions.inTransaction(
                repositories -> repositories.outbox().claimStale(now.minus(lease), now, limit));
        for (OutboundMessage message : stale) {
            settle(message);
        }
        return stale.size();
    }

    private void settle(OutboundMessage message) {
        Optional<SendResult.Accepted> accepted;
        try {
            Instant since = message.sendingStartedAt().minus(CLOCK_SKEW_ALLOWANCE);
            accepted = gateway.findAccepted(toRequest(message), since);
        } catch (RuntimeException e) {
            logged(message, DeliveryOutcome.LEFT_UNSETTLED, new SendResult.Refused(null, null, e.toString(), true));
            return;
        }
        Instant now = clock.instant();
        DeliveryOutcome outcome = transactions.inTransaction(repositories -> {
            if (accepted.isPresent()) {
                repositories
                        .outbox()
                        .markSent(
                                message.id(),
                                accepted.get().sid(),
                                accepted.get().providerStatus(),
                                now);
                recordOutboundOnLead(repositories, message, now);
                return DeliveryOutcome.RECOVERED_AS_SENT;
            }
            repositories.outbox().reschedule(message.id(), now, null, "interrupted before Twilio accepted it", now);
            return DeliveryOutcome.REQUEUED_AFTER_CRASH;
        });
        logged(message, outcome, accepted.orElse(null));
    }

    private static void recordOutboundOnLead(Repositories repositories, OutboundMessage message, Instant now) {
        if (message.leadId() != null) {
            repositories.leads().recordOutbound(message.leadId(), now);
        }
    }

    private static SmsRequest toRequest(OutboundMessage message) {
        return new SmsRequest(message.id(), message.from(), message.to(), message.body());
    }

    private static DeliveryOutcome logged(OutboundMessage message, DeliveryOutcome outcome, SendResult sendResult) {
        String result = PhoneNumbers.maskAll(String.valueOf(sendResult));
        if (outcome == DeliveryOutcome.FAILED
                || outcome == DeliveryOutcome.LEFT_UNSETTLED
                || outcome == DeliveryOutcome.OUTCOME_UNKNOWN) {
            LOG.warn(
                    "event=twilio.messaging decision={} messageId={} attempt={} result={}",
                    outcome.logName(),
                    message.id(),
                    message.attempts(),
                    result);
        } else {
            LOG.info(
                    "event=twilio.messaging decision={} messageId={} attempt={} result={}",
                    outcome.logName(),
                    message.id(),
                    message.attempts(),
                    result);
        }
        return outcome;
    }
}
