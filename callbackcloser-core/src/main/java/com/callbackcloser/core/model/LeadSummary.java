package com.callbackcloser.core.model;

/** A lead in a list, with its latest message (null when there is none). */
public record LeadSummary(Lead lead, MessageRecord latestMessage) {}
