package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.FieldChange;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.IssuedWebhookEndpoint;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.model.Strings;
import com.callbackcloser.core.model.WebhookDelivery;
import com.callbackcloser.core.model.WebhookDeliveryDetail;
import com.callbackcloser.core.model.WebhookDeliveryState;
import com.callbackcloser.core.model.WebhookEndpoint;
import com.callbackcloser.core.model.WebhookEventType;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A business's outbound webhooks for its members: endpoints (registered, listed, disabled), and the deliveries
 * (listed, shown with their attempts, replayed). Endpoints are integration settings: whoever may edit the
 * business's settings manages them (owners and admins); deliveries carry lead data, so the same people see them.
 */
public final class WebhookEndpointService {
    public static final String SECRET_PREFIX = "whsec_";
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;
    public static final int MAX_ENDPOINTS_PER_BUSINESS = 20;
    public static final int DEFAULT_GRACE_PERIOD_HOURS = 24;
    /** A week: long enough for any deploy, short enough that a rotated-out secret does not linger. */
    public static final int MAX_GRACE_PERIOD_HOURS = 168;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SECRET_CHARACTERS = 40;
    private static final int MAX_DESCRIPTION_LENGTH = 200;

    private final TransactionRunner transactions;
    private final EndpointUrlPolicy urlPolicy;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebhookEndpointService(TransactionRunner transactions, EndpointUrlPolicy urlPolicy, Clock clock) {
        this.transactions = transactions;
        this.urlPolicy = urlPolicy;
        this.clock = clock;
    }

    public IssuedWebhookEndpoint register(
            Actor actor, UUID businessId, String url, List<String> eventNames, String description) {
        Set<WebhookEventType> events = events(eventNames);
        String label = description == null || description.isBlank() ? null : description.strip();
        if (label != null && (label.length() > MAX_DESCRIPTION_LENGTH || Strings.hasForbiddenCharacter(label))) {
            throw new InvalidInputException(
                    "description", "description has at most " + MAX_DESCRIPTION_LENGTH + " ordinary characters");
        }
        // Membership first: a stranger learns nothing about URLs, not even whether one would be accepted.
        transactions.inTransaction(
                repositories -> BusinessAccess.require(repositories, actor, businessId, Permission.EDIT_SETTINGS));
        // Resolving the host may take a moment: not inside a transaction.
        String checkedUrl = urlPolicy.validate(url);
        String secret = newSecret();
        Instant now = clock.instant();
        WebhookEndpoint endpoint = transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.EDIT_SETTINGS);
            if (repositories.webhooks().lockAndCountEnabledEndpoints(businessId) >= MAX_ENDPOINTS_PER_BUSINESS) {
                throw new InvalidInputException(
                        "url", "a business has at most " + MAX_ENDPOINTS_PER_BUSINESS + " endpoints");
            }
            WebhookEndpoint created = repositories
                    .webhooks()
                    .insertEndpoint(businessId, checkedUrl, label, events, secret, actor.subject(), now);
            audit(
                    repositories,
                    actor,
                    businessId,
                    "webhook_endpoint.created",
                    created.id(),
                    List.of(
                            new FieldChange("url", null, checkedUrl),
                            new FieldChange("events", null, wireNames(events))),
                    now);
            return created;
        });
        return new IssuedWebhookEndpoint(endpoint, secret);
    }

    /**
     * Gives the endpoint a new secret, shown this once. The old one keeps signing for {@code gracePeriodHours}
     * (default 24, at most a week; 0 retires it at once, e.g. when it leaked), so the receiver can switch without
     * refusing a delivery: meanwhile each delivery carries a signature made with each. Audited, without secrets.
     */
    public IssuedWebhookEndpoint rotateSecret(Actor actor, UUID businessId, UUID endpointId, Integer gracePeriodHours) {
        int hours = gracePeriodHours == null ? DEFAULT_GRACE_PERIOD_HOURS : gracePeriodHours;
        if (hours < 0 || hours > MAX_GRACE_PERIOD_HOURS) {
            throw new InvalidInputException(
                    "gracePeriodHours", "gracePeriodHours is 0 to " + MAX_GRACE_PERIOD_HOURS + " (a week)");
        }
        String secret = newSecret();
        Instant now = clock.instant();
        Instant previousExpiresAt = hours == 0 ? null : now.plus(Duration.ofHours(hours));
        WebhookEndpoint rotated = transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.EDIT_SETTINGS);
            WebhookEndpoint endpoint = repositories
                    .webhooks()
                    .rotateSecret(businessId, endpointId, secret, previousExpiresAt, now)
                    .orElseThrow(() -> notRotatable(repositories, businessId, endpointId));
            audit(
                    repositories,
                    actor,
                    businessId,
                    "webhook_endpoint.secret_rotated",
                    endpointId,
                    List.of(new FieldChange(
                            "previousSecretExpiresAt",
                            null,
                            previousExpiresAt == null ? "now" : previousExpiresAt.toString())),
                    now);
            return endpoint;
        });
        return new IssuedWebhookEndpoint(rotated, secret);
    }

    /** Why an endpoint could not be rotated: it is disabled (422), or not one of the business's (404). */
    private static RuntimeException notRotatable(Repositories repositories, UUID businessId, UUID endpointId) {
        boolean disabled = repositories.webhooks().listEndpoints(businessId).stream()
                .anyMatch(endpoint -> endpoint.id().equals(endpointId));
        return disabled
                ? new InvalidInputException("endpoint", "the endpoint is disabled: it has no secret to rotate")
                : new ResourceNotFoundException("webhook endpoint");
    }

    public List<WebhookEndpoint> list(Actor actor, UUID businessId) {
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.EDIT_SETTINGS);
            return repositories.webhooks().listEndpoints(businessId);
        });
    }

    /** Stops deliveries to the endpoint, queued ones included; its history stays. */
    public void disable(Actor actor, UUID businessId, UUID endpointId) {
        Instant now = clock.instant();
        transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.EDIT_SETTINGS);
            if (!repositories.webhooks().disableEndpoint(businessId, endpointId, now)) {
                throw new ResourceNotFoundException("webhook endpoint");
            }
            audit(repositories, actor, businessId, "webhook_endpoint.disabled", endpointId, List.of(), now);
            return null;
        });
    }

    public List<WebhookDelivery> deliveries(Actor actor, UUID businessId, WebhookDeliveryState state, Integer limit) {
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("limit", "limit is 1 to " + MAX_PAGE_SIZE);
        }
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.EDIT_SETTINGS);
            return repositories.webhooks().listDeliveries(businessId, state, size);
        });
    }

    public WebhookDeliveryDetail delivery(Actor actor, UUID businessId, UUID deliveryId) {
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.EDIT_SETTINGS);
            return detail(repositories, businessId, deliveryId);
        });
    }

    /**
     * Sends the event again as a new delivery: same event id and body, so a receiver that already processed it
     * can tell. Any delivery can be replayed, delivered ones included; not to a disabled endpoint.
     */
    public WebhookDeliveryDetail replay(Actor actor, UUID businessId, UUID deliveryId) {
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.EDIT_SETTINGS);
            WebhookDelivery original = find(repositories, businessId, deliveryId);
            boolean endpointEnabled = repositories.webhooks().listEndpoints(businessId).stream()
                    .anyMatch(endpoint -> endpoint.id().equals(original.endpointId()) && endpoint.enabled());
            if (!endpointEnabled) {
                throw new InvalidInputException("endpoint", "the endpoint of this delivery is disabled");
            }
            UUID replay = repositories.webhooks().replay(deliveryId, now);
            audit(
                    repositories,
                    actor,
                    businessId,
                    "webhook_delivery.replayed",
                    replay,
                    List.of(new FieldChange("replayOf", null, deliveryId.toString())),
                    now);
            return detail(repositories, businessId, replay);
        });
    }

    private static WebhookDeliveryDetail detail(Repositories repositories, UUID businessId, UUID deliveryId) {
        WebhookDelivery delivery = find(repositories, businessId, deliveryId);
        return new WebhookDeliveryDetail(
                delivery,
                repositories.webhooks().payloadOf(delivery.eventId()),
                repositories.webhooks().attempts(deliveryId));
    }

    private static WebhookDelivery find(Repositories repositories, UUID businessId, UUID deliveryId) {
        return repositories
                .webhooks()
                .findDelivery(businessId, deliveryId)
                .orElseThrow(() -> new ResourceNotFoundException("webhook delivery"));
    }

    private static Set<WebhookEventType> events(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidInputException("events", "events lists at least one of " + allWireNames());
        }
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        for (String name : names) {
            events.add(WebhookEventType.fromWireName(name == null ? "" : name.strip())
                    .orElseThrow(() -> new InvalidInputException("events", "events are among " + allWireNames())));
        }
        return events;
    }

    private static String allWireNames() {
        return Arrays.stream(WebhookEventType.values())
                .map(WebhookEventType::wireName)
                .collect(Collectors.joining(", "));
    }

    private static String wireNames(Set<WebhookEventType> events) {
        return events.stream().map(WebhookEventType::wireName).sorted().collect(Collectors.joining(","));
    }

    private String newSecret() {
        StringBuilder secret = new StringBuilder(SECRET_PREFIX);
        for (int i = 0; i < SECRET_CHARACTERS; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    private static void audit(
            Repositories repositories,
            Actor actor,
            UUID businessId,
            String action,
            UUID target,
            List<FieldChange> changes,
            Instant now) {
        repositories
                .audit()
                .record(businessId, actor.subject(), action, target.toString(), changes, actor.correlationId(), now);
    }
}
