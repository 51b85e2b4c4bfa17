package com.callbackcloser.core.model.legacy;

import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.model.Qualification;
import java.time.Instant;
import java.util.Objects;

/** An old lead as it is written here. */
public record ImportedLead(
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
        Instant createdAt,
        Instant updatedAt) {

    public ImportedLead {
        Objects.requireNonNull(callerRaw, "callerRaw");
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(conversationState, "conversationState");
        Objects.requireNonNull(qualification, "qualification");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
