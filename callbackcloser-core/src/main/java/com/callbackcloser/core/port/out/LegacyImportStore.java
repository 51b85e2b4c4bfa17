package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.legacy.ImportedBusiness;
import com.callbackcloser.core.model.legacy.ImportedCall;
import com.callbackcloser.core.model.legacy.ImportedConsent;
import com.callbackcloser.core.model.legacy.ImportedLead;
import com.callbackcloser.core.model.legacy.ImportedMessage;
import com.callbackcloser.core.model.legacy.LegacyTable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The import's reads and writes in this service's database, for one transaction. Each old row is claimed by its
 * table and old id before it is written, in the same transaction: a claim that finds one already there means an
 * earlier (or concurrent) run wrote the row. Inserts never overwrite: one that meets a row of ours holding the
 * same unique key (a Twilio number, a CallSid) writes nothing and says so; the matching {@code …Conflict} query
 * names that row, also for the dry run.
 */
public interface LegacyImportStore {

    /** The rows of an old table imported so far: old id to our id. */
    Map<String, UUID> importedIds(LegacyTable table);

    /** True when this claims the old row for {@code targetId}; false when it was already claimed. */
    boolean claim(LegacyTable table, String legacyId, UUID businessId, UUID targetId, Instant now);

    /** Our id of an old row already claimed. */
    Optional<UUID> importedId(LegacyTable table, String legacyId);

    /** Gives a claim back, when the row it was for could not be written. */
    void unclaim(LegacyTable table, String legacyId);

    Optional<String> businessConflict(ImportedBusiness business);

    /** The business with its owner's membership and an audit entry; false when a unique key is taken. */
    boolean insertBusiness(UUID id, String legacyId, ImportedBusiness business, Instant now);

    /**
     * Merges an old consent into ours for the same (business, phone), the latest STOP or START winning (an
     * opt-out when both are as recent), and records which old row it came from.
     */
    ConsentChange mergeConsent(UUID businessId, String legacyId, ImportedConsent consent, Instant now);

    /** What {@link #mergeConsent} would do, without doing it. */
    ConsentChange previewConsent(UUID businessId, ImportedConsent consent);

    Optional<String> callConflict(ImportedCall call);

    boolean insertCall(UUID id, UUID businessId, ImportedCall call);

    /** The lead a call of ours already has, when it has one (one lead per call). */
    Optional<String> leadConflict(UUID callId);

    boolean insertLead(UUID id, UUID businessId, UUID callId, ImportedLead lead);

    Optional<String> messageConflict(ImportedMessage message);

    boolean insertMessage(UUID id, UUID businessId, UUID leadId, ImportedMessage message);
}
