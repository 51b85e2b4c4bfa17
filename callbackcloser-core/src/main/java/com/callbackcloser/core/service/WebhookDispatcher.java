package com.callbackcloser.core.service;

import com.callbackcloser.core.model.ClaimedWebhook;
import com.callbackcloser.core.model.WebhookAttempt;
import com.callbackcloser.core.model.WebhookStats;
import com.callbackcloser.core.port.out.TransactionRunner;
import com.callbackcloser.core.port.out.WebhookRequest;
import com.callbackcloser.core.port.out.WebhookResponse;
import com.callbackcloser.core.port.out.WebhookSender;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules for delivering what the webhook queue holds; the worker threads that call it live in the
 * application. Delivery is at least once: a worker that dies mid-request leaves its row DELIVERING, and after
 * the lease another worker sends it again. Receivers dedupe by the event id header, which is why it exists.
 */
public final class WebhookDispatcher {
    public static final String EVENT_ID_HEADER = "CallbackCloser-Event-Id";
    public static final String EVENT_TYPE_HEADER = "CallbackCloser-Event-Type";
    public static final String DELIVERY_ID_HEADER = "CallbackCloser-Delivery-Id";
    public static final String TIMESTAMP_HEADER = "CallbackCloser-Timestamp";
    private static final Logger LOG = LoggerFactory.getLogger("webhooks.outbound");
    private static final int MAX_ERROR_LENGTH = 500;

    private final TransactionRunner transactions;
    private final WebhookSender sender;
    private final EndpointUrlPolicy urlPolicy;
    private final RetryPolicy retryPolicy;
    private final Duration lease;
    private final Clock clock;
    private final DoubleSupplier jitter;

    public WebhookDispatcher(
            TransactionRunner transactions,
            WebhookSender sender,
            EndpointUrlPolicy urlPolicy,
            RetryPolicy retryPolicy,
            Duration lease,
            Clock clock,
            DoubleSupplier jitter) {
        this.transactions = transactions;
        this.sender = sender;
        this.urlPolicy = urlPolicy;
        this.retryPolicy = retryPolicy;
        this.lease = lease;
        this.clock = clock;
        this.jitter = jitter;
    }

    public List<ClaimedWebhook> claimDue(int limit) {
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> {
            // Where the workers come by every few seconds anyway: an expired secret is not kept longer than that.
            repositories.webhooks().forgetExpiredSecrets(now);
            return repositories.webhooks().claimDue(now, now.minus(lease), limit);
        });
    }

    public Optional<Instant> nextDueAt() {
        return transactions.inTransaction(
                repositories -> repositories.webhooks().nextDueAt());
    }

    /** The queue at a glance, for the health check; failures counted over the last hour. */
    public WebhookStats stats() {
        Instant now = clock.instant();
        return transactions.inTransaction(
                repositories -> repositories.webhooks().stats(now, now.minus(Duration.ofHours(1))));
    }

    public WebhookOutcome deliver(ClaimedWebhook webhook) {
        Instant started = clock.instant();
        if (!webhook.endpointEnabled()) {
            return settle(
                    webhook,
                    started,
                    new WebhookResponse(null, "endpoint disabled", 0),
                    false,
                    WebhookOutcome.CANCELED_ENDPOINT_DISABLED);
        }
        Optional<String> refusal;
        try {
            refusal = urlPolicy.checkBeforeSend(URI.create(webhook.url()));
        } catch (RuntimeException e) {
            LOG.warn("event=webhooks.outbound deliveryId={} address check failed", webhook.id(), e);
            refusal = Optional.of("not sent: the host could not be checked");
        }
        if (refusal.isPresent()) {
            // Retried like a host that does not resolve: DNS can change back, and an owner must not be able to
            // tell "resolves inside a network" from "does not resolve" (a map of our DNS). Nothing is sent.
            return settle(
                    webhook,
                    started,
                    new WebhookResponse(null, refusal.get(), 0),
                    true,
                    WebhookOutcome.FAILED_ADDRESS_NOT_ALLOWED);
        }
        WebhookResponse response;
        try {
            response = sender.send(request(webhook, started));
        } catch (RuntimeException e) {
            // A sender bug must not leave the row DELIVERING until the lease runs out.
            response = new WebhookResponse(
                    null,
                    e.toString(),
                    Duration.between(started, clock.instant()).toMillis());
        }
        boolean retryable = isRetryable(response.statusCode());
        return settle(
                webhook,
                started,
                response,
                retryable,
                retryable ? WebhookOutcome.FAILED_AFTER_RETRIES : WebhookOutcome.FAILED_REFUSED);
    }

    /** No answer, a timeout (ours or the receiver's 408), throttling (429) or a server error. */
    static boolean isRetryable(Integer statusCode) {
        return statusCode == null || statusCode == 408 || statusCode == 429 || statusCode >= 500;
    }

    private WebhookRequest request(ClaimedWebhook webhook, Instant now) {
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(EVENT_ID_HEADER, webhook.eventId().toString());
        headers.put(EVENT_TYPE_HEADER, webhook.eventType());
        headers.put(DELIVERY_ID_HEADER, webhook.id().toString());
        headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(
                WebhookSignature.HEADER,
                WebhookSignature.header(webhook.secret(), webhook.previousSecret(), timestamp, webhook.payload()));
        return new WebhookRequest(webhook.url(), headers, webhook.payload());
    }

    private WebhookOutcome settle(
            ClaimedWebhook webhook,
            Instant started,
            WebhookResponse response,
            boolean retryable,
            WebhookOutcome whenFailed) {
        Instant now = clock.instant();
        Integer status = response.statusCode();
        String error = truncate(response.error());
        boolean delivered = status != null && status >= 200 && status < 300;
        Optional<Instant> retryAt = !delivered && retryable
                ? retryPolicy.nextAttempt(webhook.attempts(), now, jitter.getAsDouble())
                : Optional.empty();
        WebhookOutcome outcome = transactions.inTransaction(repositories -> {
            var webhooks = repositories.webhooks();
            webhooks.recordAttempt(
                    webhook.id(),
                    new WebhookAttempt(webhook.attempts(), started, status, response.durationMillis(), error));
            if (delivered) {
                webhooks.markDelivered(webhook.id(), webhook.attempts(), status, now);
                return WebhookOutcome.DELIVERED;
            }
            if (retryAt.isPresent()) {
                webhooks.reschedule(webhook.id(), webhook.attempts(), retryAt.get(), status, error, now);
                return WebhookOutcome.RETRY_SCHEDULED;
            }
            webhooks.markFailed(webhook.id(), webhook.attempts(), status, error, now);
            return whenFailed;
        });
        if (outcome == WebhookOutcome.DELIVERED || outcome == WebhookOutcome.RETRY_SCHEDULED) {
            LOG.info(
                    "event=webhooks.outbound decision={} deliveryId={} eventId={} type={} attempt={} status={} error=\"{}\"",
                    outcome.logName(),
                    webhook.id(),
                    webhook.eventId(),
                    webhook.eventType(),
                    webhook.attempts(),
                    status,
                    error);
        } else {
            LOG.warn(
                    "event=webhooks.outbound decision={} deliveryId={} eventId={} type={} attempt={} status={} error=\"{}\"",
                    outcome.logName(),
                    webhook.id(),
                    webhook.eventId(),
                    webhook.eventType(),
                    webhook.attempts(),
                    status,
                    error);
        }
        return outcome;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
