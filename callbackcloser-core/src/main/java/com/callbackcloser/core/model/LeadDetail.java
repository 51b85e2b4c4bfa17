package com.callbackcloser.core.model;

import java.util.List;

/**
 * A lead with its call (recording metadata included) and its transcript, oldest message first.
 *
 * @param callerOptedOut the caller texted STOP to this business: replies are refused until they text START
 */
public record LeadDetail(Lead lead, CallRecord call, List<MessageRecord> transcript, boolean callerOptedOut) {
    public LeadDetail {
        transcript = List.copyOf(transcript);
    }

    public LeadDetail(Lead lead, CallRecord call, List<MessageRecord> transcript) {
        this(lead, call, transcript, false);
    }
}
