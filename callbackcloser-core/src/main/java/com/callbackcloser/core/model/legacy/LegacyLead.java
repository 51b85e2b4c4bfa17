package com.callbackcloser.core.model.legacy;

import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.model.Qualification;
import java.time.Instant;

/** A row of the old app's {@code Lead} table; {@code callId} is null when the old app had deleted its call. */
public record LegacyLead(
        String id,
        String businessId,
        String callId,
        String callerPhone,
        String callerPhoneNormalized,
        String status,
        boolean billingRequired,
        String smsState,
        String serviceRequested,
        String serviceSelectionRaw,
        String urgency,
        String zipCode,
        String bestTime,
        String contactName,
        Instant ownerNotifiedAt,
        Instant usageLimitNotifiedAt,
        Instant smsStartedAt,
        Instant smsCompletedAt,
        Instant lastInboundAt,
        Instant lastOutboundAt,
        Instant lastInteractionAt,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * The conversation goes on where it stood: the same step, the answers given so far, and the timestamps that
     * gate what comes next (texting started, so the month's quota counts it and a retried call does not text
     * again; owner notified, so the summary is not sent twice). Statuses and steps have the same names as ours.
     */
    public ImportedLead toOurs() {
        return new ImportedLead(
                callerPhone == null ? "" : callerPhone,
                LegacyValues.phone(callerPhone, callerPhoneNormalized),
                LegacyValues.enumValue("status", status, LeadStatus.class),
                billingRequired,
                LegacyValues.enumValue("smsState", smsState, ConversationState.class),
                new Qualification(serviceRequested, serviceSelectionRaw, urgency, zipCode, bestTime, contactName),
                smsStartedAt,
                smsCompletedAt,
                ownerNotifiedAt,
                usageLimitNotifiedAt,
                lastInboundAt,
                lastOutboundAt,
                lastInteractionAt,
                createdAt,
                updatedAt);
    }
}
