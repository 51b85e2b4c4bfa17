package com.callbackcloser.core.model;

import java.util.List;

/** A lead with its call (recording metadata included) and its transcript, oldest message first. */
public record LeadDetail(Lead lead, CallRecord call, List<MessageRecord> transcript) {
    public LeadDetail {
        transcript = List.copyOf(transcript);
    }
}
