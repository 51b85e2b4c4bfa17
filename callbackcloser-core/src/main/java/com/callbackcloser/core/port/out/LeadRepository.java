package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.Lead;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface LeadRepository {

    /** The lead of this call, created if it has none yet (a call has at most one lead). */
    Lead findOrCreateForCall(UUID businessId, UUID callId, String callerRaw, String callerNumber, Instant now);

    Optional<Lead> findById(UUID id);

    /** Newest first; all businesses when {@code businessId} is null. */
    List<Lead> listRecent(UUID businessId, int limit);

    void markBillingRequired(UUID leadId, Instant now);

    /** The first text is on its way: the conversation waits for the service answer. */
    void startConversation(UUID leadId, Instant now);

    void recordOutbound(UUID leadId, Instant at);
}
