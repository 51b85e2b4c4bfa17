package com.callbackcloser.api.resources;

import com.callbackcloser.api.config.RateLimitConfiguration;
import com.callbackcloser.api.http.BoundedBody;
import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.ratelimit.SharedRateLimiter;
import com.callbackcloser.api.representation.StripeWebhookReceipt;
import com.callbackcloser.api.stripe.StripeEvents;
import com.callbackcloser.core.port.in.BillingEvent;
import com.callbackcloser.core.port.in.BillingEventOutcome;
import com.callbackcloser.core.port.in.HandleBillingEventUseCase;
import com.callbackcloser.core.port.out.DuplicateKeyException;
import com.callbackcloser.db.DatabaseErrors;
import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's events. The signature is checked over the raw body, byte for byte as Stripe sent it, with
 * stripe-java's {@code Webhook} and its default tolerance (5 minutes) against replays, before anything reads it.
 * 400 for a bad or missing signature or a malformed event; 409 when it would give a business another's Stripe
 * customer; 500 when the event could not be applied (Stripe's API could not be asked for the subscription's state,
 * included), so Stripe retries.
 */
@Path("/api/stripe/webhook")
public final class StripeWebhookResource {
    public static final String SIGNATURE_HEADER = "Stripe-Signature";
    private static final Logger LOG = LoggerFactory.getLogger("stripe.webhook");

    private final HandleBillingEventUseCase billingEvents;
    private final StripeEvents events;
    private final String webhookSecret;
    private final long maxBodyBytes;
    private final Decisions decisions;

    private final SharedRateLimiter limiter;
    private final RateLimitConfiguration rateLimits;

    public StripeWebhookResource(
            HandleBillingEventUseCase billingEvents,
            StripeEvents events,
            String webhookSecret,
            long maxBodyBytes,
            Decisions decisions,
            SharedRateLimiter limiter,
            RateLimitConfiguration rateLimits) {
        this.limiter = limiter;
        this.rateLimits = rateLimits;
        this.decisions = decisions;
        this.billingEvents = billingEvents;
        this.events = events;
        this.webhookSecret = webhookSecret;
        this.maxBodyBytes = maxBodyBytes;
    }

    @POST
    @Timed
    @ExceptionMetered
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(
            InputStream body, @HeaderParam(SIGNATURE_HEADER) String signature, @Context HttpServletRequest request)
            throws IOException {
        if (webhookSecret == null || webhookSecret.isBlank()) {
            return error(Response.Status.SERVICE_UNAVAILABLE, "STRIPE_WEBHOOK_SECRET is not configured");
        }
        Optional<byte[]> bytes = BoundedBody.read(body, maxBodyBytes);
        if (bytes.isEmpty()) {
            return error(
                    Response.Status.REQUEST_ENTITY_TOO_LARGE, "request body is larger than " + maxBodyBytes + " bytes");
        }
        if (signature == null || signature.isBlank()) {
            LOG.warn("event=stripe.webhook decision=rejected reason=\"missing signature\"");
            return throttledOr(request, error(Response.Status.BAD_REQUEST, "missing Stripe-Signature header"));
        }
        String payload = new String(bytes.get(), StandardCharsets.UTF_8);
        Optional<String> badSignature = signatureProblem(payload, signature);
        if (badSignature.isPresent()) {
            LOG.warn("event=stripe.webhook decision=rejected reason=\"{}\"", badSignature.get());
            return throttledOr(
                    request, error(Response.Status.BAD_REQUEST, "invalid Stripe signature: " + badSignature.get()));
        }
        Event event;
        BillingEvent billingEvent;
        try {
            // Before stripe-java reads it: its reader recurses once per level of nesting and overflows the stack.
            StripeEvents.requireShallow(payload);
            event = Webhook.constructEvent(payload, signature, webhookSecret);
            billingEvent = events.toBillingEvent(event);
        } catch (SignatureVerificationException | RuntimeException e) {
            // The signature holds (checked above, checked again by constructEvent), so this is a payload that
            // stripe-java cannot read, failing in whatever way it happens to (a NullPointerException for "null",
            // an IllegalStateException for an array), or one the billing rules cannot use: malformed either way.
            LOG.warn("event=stripe.webhook decision=rejected reason=\"malformed event: {}\"", e.toString());
            return error(Response.Status.BAD_REQUEST, "malformed Stripe event");
        }
        Optional<Response> throttled = limiter.hit("stripe", rateLimits.getStripeValid());
        if (throttled.isPresent()) {
            return throttled.get();
        }
        BillingEventOutcome outcome;
        try {
            outcome = billingEvents.onBillingEvent(billingEvent);
        } catch (DuplicateKeyException e) {
            // The event gives a business a Stripe customer another business already has: no retry changes that
            // until someone sorts out the two businesses, so it is not reported as our failure.
            LOG.warn(
                    "event=stripe.webhook eventId={} type={} decision=conflict error=\"{}\"",
                    event.getId(),
                    event.getType(),
                    e.getMessage());
            return error(Response.Status.CONFLICT, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error(
                    "event=stripe.webhook eventId={} type={} decision=retry error=\"{}\"",
                    event.getId(),
                    event.getType(),
                    DatabaseErrors.describe(e),
                    DatabaseErrors.redacted(e));
            return error(Response.Status.INTERNAL_SERVER_ERROR, "could not apply the event; Stripe will retry it");
        }
        decisions.count("stripe.webhook", outcome.logName());
        LOG.info(
                "event=stripe.webhook eventId={} type={} created={} subscription={} decision={}",
                event.getId(),
                event.getType(),
                billingEvent.created(),
                billingEvent.subscriptionId(),
                outcome.logName());
        return Response.ok(new StripeWebhookReceipt(true, outcome.logName())).build();
    }

    /** Why the signature does not hold over the payload, if it does not. */
    private Optional<String> signatureProblem(String payload, String signature) {
        try {
            Webhook.Signature.verifyHeader(payload, signature, webhookSecret, Webhook.DEFAULT_TOLERANCE);
            return Optional.empty();
        } catch (SignatureVerificationException e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            // stripe-java throws a NumberFormatException for a timestamp that is not a number
            return Optional.of("unreadable Stripe-Signature header");
        }
    }

    /** Bad signatures from one address beyond the budget get a 429 instead of yet another 400. */
    private Response throttledOr(HttpServletRequest request, Response refusal) {
        return limiter.hit("stripe-invalid:" + request.getRemoteAddr(), rateLimits.getStripeInvalid())
                .orElse(refusal);
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status.getStatusCode(), message))
                .build();
    }
}
