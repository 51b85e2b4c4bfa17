package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadCursor;
import com.callbackcloser.core.model.LeadFilter;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.model.LeadSummary;
import com.callbackcloser.core.model.UsagePeriod;
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

    /**
     * The lead a text from this phone belongs to: the newest whose conversation is not completed, else the
     * newest. Locked until the transaction ends, so two texts to one lead are handled one after the other.
     */
    Optional<Lead> lockLatestForCaller(UUID businessId, String callerNumber);

    void recordInbound(UUID leadId, Instant at);

    /** Stores the conversation fields of this lead (state, answers, pipeline status, SMS timestamps). */
    void saveConversation(Lead lead, Instant now);

    /** Claims the owner summary for this lead: true for exactly one caller, ever. */
    boolean claimOwnerNotice(UUID leadId, Instant now);

    void markBillingRequired(UUID leadId, Instant now);

    /**
     * A page of the business's leads that pass the filter, newest first, strictly older than {@code after} (null:
     * from the newest), each with its latest message and the inbox's flags.
     */
    List<LeadSummary> page(UUID businessId, LeadFilter filter, LeadCursor after, int limit);

    /** The business's leads that pass the filter and are strictly newer than {@code newerThan}, newest first. */
    List<LeadSummary> newerThan(UUID businessId, LeadFilter filter, LeadCursor newerThan, int limit);

    Optional<Lead> findInBusiness(UUID businessId, UUID leadId);

    void changeStatus(UUID leadId, LeadStatus status, Instant now);

    /** Claims the usage-limit notice for this lead: true for exactly one caller, ever. */
    boolean claimUsageLimitNotice(UUID leadId, Instant now);

    /** Leads whose texting started inside the period: the conversations used. */
    int countConversationsStarted(UUID businessId, UsagePeriod period);

    int countBillingRequired(UUID businessId);

    /** The first text is on its way: the conversation waits for the service answer. */
    void startConversation(UUID leadId, Instant now);

    void recordOutbound(UUID leadId, Instant at);

    /** Someone of the business texted the caller by hand: the first time is kept. */
    void recordOwnerReply(UUID leadId, Instant now);

    /**
     * Claims a reply's idempotency key for this lead: true for exactly one caller, ever. A concurrent claim of the
     * same key waits for the first transaction, then gets false.
     */
    boolean claimReplyKey(UUID leadId, String replyKey, Instant now);

    void attachReplyKey(UUID leadId, String replyKey, UUID messageId);

    /** The text a claimed reply key queued. */
    Optional<UUID> messageOfReplyKey(UUID leadId, String replyKey);
}
