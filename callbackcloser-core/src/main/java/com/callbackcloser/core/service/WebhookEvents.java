package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.model.Qualification;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.WebhookEvent;
import com.callbackcloser.core.model.WebhookEventType;
import com.callbackcloser.core.port.out.Repositories;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The events the services publish, with their payloads (docs/OUTBOUND_WEBHOOKS.md shows each). Publishing
 * writes them in the caller's transaction: the deliveries exist exactly when the change does.
 */
final class WebhookEvents {
    private WebhookEvents() {}

    static void leadCreated(Repositories repositories, Lead lead, Instant now) {
        publish(
                repositories,
                lead.businessId(),
                WebhookEventType.LEAD_CREATED,
                "lead.created:" + lead.id(),
                Map.of("lead", lead(lead)),
                now);
    }

    static void leadQualified(Repositories repositories, Lead lead, Instant now) {
        publish(
                repositories,
                lead.businessId(),
                WebhookEventType.LEAD_QUALIFIED,
                "lead.qualified:" + lead.id(),
                Map.of("lead", lead(lead)),
                now);
    }

    static void leadCompleted(Repositories repositories, Lead lead, Instant now) {
        publish(
                repositories,
                lead.businessId(),
                WebhookEventType.LEAD_COMPLETED,
                "lead.completed:" + lead.id(),
                Map.of("lead", lead(lead)),
                now);
    }

    /** Every status change is its own event: no dedupe key. */
    static void leadStatusChanged(
            Repositories repositories, Lead changed, LeadStatus previous, String changedBy, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lead", lead(changed));
        data.put("previousStatus", previous.name());
        data.put("changedBy", changedBy);
        publish(repositories, changed.businessId(), WebhookEventType.LEAD_STATUS_CHANGED, null, data, now);
    }

    static void messageReceived(
            Repositories repositories,
            UUID businessId,
            UUID messageId,
            UUID leadId,
            String from,
            String to,
            String body,
            Instant now) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", messageId.toString());
        message.put("leadId", leadId == null ? null : leadId.toString());
        message.put("from", from);
        message.put("to", to);
        message.put("body", body);
        message.put("receivedAt", now.toString());
        publish(
                repositories,
                businessId,
                WebhookEventType.MESSAGE_RECEIVED,
                "message.received:" + messageId,
                Map.of("message", message),
                now);
    }

    /**
     * Texting follows the subscription: a business's systems learn when it was switched on or off. No dedupe key:
     * it is published in the transaction that records the Stripe event's id, which a redelivery finds.
     */
    static void subscriptionStatusChanged(
            Repositories repositories,
            UUID businessId,
            SubscriptionStatus status,
            SubscriptionStatus previous,
            Instant now) {
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("status", status.name());
        subscription.put("previousStatus", previous.name());
        subscription.put("changedAt", now.toString());
        publish(
                repositories,
                businessId,
                WebhookEventType.SUBSCRIPTION_STATUS_CHANGED,
                null,
                Map.of("subscription", subscription),
                now);
    }

    private static void publish(
            Repositories repositories,
            UUID businessId,
            WebhookEventType type,
            String dedupeKey,
            Map<String, Object> data,
            Instant now) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("type", type.wireName());
        body.put("createdAt", now.toString());
        body.put("businessId", businessId.toString());
        body.put("data", data);
        repositories.webhooks().publish(new WebhookEvent(id, businessId, type, dedupeKey, JsonText.object(body), now));
    }

    private static Map<String, Object> lead(Lead lead) {
        Qualification answers = lead.qualification();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", lead.id().toString());
        fields.put("callId", lead.callId() == null ? null : lead.callId().toString());
        fields.put("callerNumber", lead.callerNumber());
        fields.put("status", lead.status().name());
        fields.put("conversationState", lead.conversationState().name());
        fields.put("service", answers.service());
        fields.put("urgency", answers.urgency());
        fields.put("zip", answers.zip());
        fields.put("bestTime", answers.bestTime());
        fields.put("contactName", answers.contactName());
        fields.put(
                "createdAt", lead.createdAt() == null ? null : lead.createdAt().toString());
        return fields;
    }
}
