package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.MessageRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored texts of both directions. */
public interface MessageRepository {

    /**
     * Stores an inbound text, unless its MessageSid is already stored (a retried webhook, possibly racing
     * the first delivery): then empty.
     */
    Optional<UUID> recordInbound(
            UUID businessId,
            String from,
            String to,
            String body,
            String messageSid,
            String rawPayloadJson,
            Instant now);

    void linkToLead(UUID messageId, UUID leadId);

    /** Stores a reply that went back as the webhook's TwiML answer. */
    void recordTwimlReply(UUID businessId, UUID leadId, String from, String to, String body, Instant now);

    Optional<MessageRecord> find(UUID messageId);

    /** Records who typed an outbound text by hand. */
    void recordSender(UUID messageId, String subject);

    /** The lead's messages, oldest first. */
    List<MessageRecord> transcript(UUID leadId);
}
