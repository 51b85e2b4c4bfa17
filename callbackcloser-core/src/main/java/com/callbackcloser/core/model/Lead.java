package com.callbackcloser.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A missed call worth following up: one per call.
 *
 * @param ownerRepliedAt when someone of the business first texted the caller by hand: from then on a person is
 *     talking, and the automated conversation stands down for this lead
 */
public record Lead(
        UUID id,
        UUID businessId,
        UUID callId,
        String callerRaw,
        String callerNumber,
        LeadStatus status,
        boolean billingRequired,
        ConversationState conversationState,
        Qualification qualification,
        Instant smsStartedAt,
        Instant smsCompletedAt,
        Instant ownerNotifiedAt,
        Instant usageLimitNotifiedAt,
        Instant lastInboundAt,
        Instant lastOutboundAt,
        Instant lastInteractionAt,
        Instant ownerRepliedAt,
        Instant createdAt) {

    public Lead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(conversationState, "conversationState");
        Objects.requireNonNull(qualification, "qualification");
    }

    public boolean smsStarted() {
        return smsStartedAt != null;
    }

    public boolean ownerReplied() {
        return ownerRepliedAt != null;
    }

    /** This lead after one conversation step taken at {@code now}. */
    public Lead withConversation(ConversationState state, Qualification answers, boolean qualified, Instant now) {
        return new Lead(
                id,
                businessId,
                callId,
                callerRaw,
                callerNumber,
                qualified && status == LeadStatus.NEW ? LeadStatus.QUALIFIED : status,
                billingRequired,
                state,
                answers,
                smsStartedAt == null ? now : smsStartedAt,
                state == ConversationState.COMPLETED && smsCompletedAt == null ? now : smsCompletedAt,
                ownerNotifiedAt,
                usageLimitNotifiedAt,
                lastInboundAt,
                lastOutboundAt,
                now,
                ownerRepliedAt,
                createdAt);
    }
}
