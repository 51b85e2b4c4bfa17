package com.callbackcloser.core.model;

import java.util.List;

/** A lead with its messages, oldest first. */
public record LeadTranscript(Lead lead, List<MessageRecord> messages) {
    public LeadTranscript {
        messages = List.copyOf(messages);
    }
}
