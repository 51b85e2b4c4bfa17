package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadSummary;
import com.callbackcloser.core.model.Qualification;
import java.time.Instant;
import java.util.UUID;

/** A lead in a list: what the caller told us, where it stands, and its latest message. */
public record LeadView(
        UUID id,
        String callerNumber,
        String status,
        String conversationState,
        boolean billingRequired,
        AnswersView answers,
        Instant createdAt,
        Instant smsStartedAt,
        Instant smsCompletedAt,
        Instant ownerNotifiedAt,
        Instant lastInteractionAt,
        MessageView latestMessage) {

    public record AnswersView(
            String service, String serviceRaw, String urgency, String zip, String bestTime, String contactName) {
        static AnswersView of(Qualification q) {
            return new AnswersView(q.service(), q.serviceRaw(), q.urgency(), q.zip(), q.bestTime(), q.contactName());
        }
    }

    public static LeadView of(LeadSummary summary) {
        return of(summary.lead(), MessageView.of(summary.latestMessage()));
    }

    static LeadView of(Lead lead, MessageView latest) {
        return new LeadView(
                lead.id(),
                lead.callerNumber(),
                lead.status().name(),
                lead.conversationState().name(),
                lead.billingRequired(),
                AnswersView.of(lead.qualification()),
                lead.createdAt(),
                lead.smsStartedAt(),
                lead.smsCompletedAt(),
                lead.ownerNotifiedAt(),
                lead.lastInteractionAt(),
                latest);
    }
}
