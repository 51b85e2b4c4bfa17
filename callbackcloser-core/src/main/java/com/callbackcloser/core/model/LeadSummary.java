package com.callbackcloser.core.model;

/**
 * A lead in a list, with its latest message (null when there is none) and what the inbox flags.
 *
 * @param callerOptedOut the caller texted STOP to this business: nothing more goes to them until START
 * @param followUpPending the one follow-up to a caller who went quiet is waiting for its time
 */
public record LeadSummary(Lead lead, MessageRecord latestMessage, boolean callerOptedOut, boolean followUpPending) {

    public LeadSummary(Lead lead, MessageRecord latestMessage) {
        this(lead, latestMessage, false, false);
    }
}
