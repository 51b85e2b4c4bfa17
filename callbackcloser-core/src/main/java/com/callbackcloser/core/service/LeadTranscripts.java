package com.callbackcloser.core.service;

import com.callbackcloser.core.model.LeadTranscript;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.util.List;
import java.util.UUID;

/** Recent leads with what was said, for operators (and later the owner API). */
public final class LeadTranscripts {
    private final TransactionRunner transactions;

    public LeadTranscripts(TransactionRunner transactions) {
        this.transactions = transactions;
    }

    /** Newest lead first; all businesses when {@code businessId} is null. */
    public List<LeadTranscript> recent(UUID businessId, int limit) {
        return transactions.inTransaction(repositories -> repositories.leads().listRecent(businessId, limit).stream()
                .map(lead -> new LeadTranscript(lead, repositories.messages().transcript(lead.id())))
                .toList());
    }
}
