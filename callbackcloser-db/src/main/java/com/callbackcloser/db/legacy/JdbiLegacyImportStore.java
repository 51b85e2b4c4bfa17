package com.callbackcloser.db.legacy;

import com.callbackcloser.core.model.BusinessSettings;
import com.callbackcloser.core.model.Role;
import com.callbackcloser.core.model.Subscription;
import com.callbackcloser.core.model.legacy.ImportedBusiness;
import com.callbackcloser.core.model.legacy.ImportedCall;
import com.callbackcloser.core.model.legacy.ImportedConsent;
import com.callbackcloser.core.model.legacy.ImportedLead;
import com.callbackcloser.core.model.legacy.ImportedMessage;
import com.callbackcloser.core.model.legacy.LegacyTable;
import com.callbackcloser.core.port.out.ConsentChange;
import com.callbackcloser.core.port.out.LegacyImportStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The import's SQL in our schema, on one transaction's handle. Every insert is {@code ON CONFLICT DO NOTHING}:
 * PostgreSQL's unique keys decide, between this import and live traffic or a second import alike, whether a row
 * is new; nothing is ever updated in place except an SMS consent an older one of ours loses to.
 */
final class JdbiLegacyImportStore implements LegacyImportStore {
    /** Who the import's audit entries name. */
    static final String ACTOR = "import-legacy";

    private final Handle handle;

    JdbiLegacyImportStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Map<String, UUID> importedIds(LegacyTable table) {
        Map<String, UUID> ids = new HashMap<>();
        handle.createQuery("SELECT legacy_id, target_id FROM legacy_imports WHERE legacy_table = :table")
                .bind("table", table.oldName())
                .map((rs, ctx) -> Map.entry(rs.getString("legacy_id"), rs.getObject("target_id", UUID.class)))
                .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
        return ids;
    }

    @Override
    public boolean claim(LegacyTable table, String legacyId, UUID businessId, UUID targetId, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO legacy_imports (legacy_table, legacy_id, business_id, target_id, imported_at)
                        VALUES (:table, :legacyId, :businessId, :targetId, :now)
                        ON CONFLICT (legacy_table, legacy_id) DO NOTHING
                        """)
                        .bind("table", table.oldName())
                        .bind("legacyId", legacyId)
                        .bind("businessId", businessId)
                        .bind("targetId", targetId)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    @Override
    public Optional<UUID> importedId(LegacyTable table, String legacyId) {
        return handle.createQuery(
                        "SELECT target_id FROM legacy_imports WHERE legacy_table = :table AND legacy_id = :legacyId")
                .bind("table", table.oldName())
                .bind("legacyId", legacyId)
                .mapTo(UUID.class)
                .findOne();
    }

    @Override
    public void unclaim(LegacyTable table, String legacyId) {
        handle.createUpdate("DELETE FROM legacy_imports WHERE legacy_table = :table AND legacy_id = :legacyId")
                .bind("table", table.oldName())
                .bind("legacyId", legacyId)
                .execute();
    }

    @Override
    public Optional<String> businessConflict(ImportedBusiness business) {
        Subscription subscription = business.subscription();
        List<String> taken = new ArrayList<>();
        handle.createQuery("""
                        SELECT id, name, twilio_number, twilio_number_sid, stripe_customer_id FROM businesses
                         WHERE twilio_number = :number OR twilio_number_sid = :sid OR stripe_customer_id = :customer
                         ORDER BY created_at, id
                        """)
                .bind("number", business.twilioNumber())
                .bind("sid", business.twilioNumberSid())
                .bind("customer", subscription.customerId())
                .map((rs, ctx) -> {
                    String other = "business " + rs.getString("id") + " \"" + rs.getString("name") + "\" here";
                    List<String> keys = new ArrayList<>();
                    if (Objects.equals(rs.getString("twilio_number"), business.twilioNumber())) {
                        keys.add("Twilio number " + business.twilioNumber());
                    }
                    if (Objects.equals(rs.getString("twilio_number_sid"), business.twilioNumberSid())) {
                        keys.add("number SID " + business.twilioNumberSid());
                    }
                    if (Objects.equals(rs.getString("stripe_customer_id"), subscription.customerId())) {
                        keys.add("Stripe customer " + subscription.customerId());
                    }
                    return String.join(" and ", keys)
                            + (keys.size() == 1 ? " already belongs to " : " already belong to ")
                            + other;
                })
                .forEach(taken::add);
        return taken.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", taken));
    }

    @Override
    public boolean insertBusiness(UUID id, String legacyId, ImportedBusiness business, Instant now) {
        BusinessSettings settings = business.settings();
        Subscription subscription = business.subscription();
        int inserted = handle.createUpdate("""
                        INSERT INTO businesses (id, name, forwarding_number, notify_phone, missed_call_seconds,
                                                service_label_1, service_label_2, service_label_3, time_zone,
                                                follow_up_minutes, owner_quiet_hours, call_screening,
                                                twilio_number, twilio_number_sid, twilio_webhooks_synced_at,
                                                stripe_customer_id, stripe_subscription_id, stripe_price_id,
                                                subscription_status, subscription_status_changed_at,
                                                subscription_event_at, created_at, updated_at)
                        VALUES (:id, :name, :forwardingNumber, :notifyPhone, :missedCallSeconds,
                                :label1, :label2, :label3, :timeZone, :followUpMinutes, :ownerQuietHours, :callScreening,
                                :twilioNumber, :twilioNumberSid, :syncedAt, :customerId, :subscriptionId, :priceId,
                                :status, :statusChangedAt, :statusChangedAt, :createdAt, :updatedAt)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("id", id)
                .bind("name", settings.name())
                .bind("forwardingNumber", settings.forwardingNumber())
                .bind("notifyPhone", settings.notifyPhone())
                .bind("missedCallSeconds", settings.missedCallSeconds())
                .bind("label1", settings.serviceLabels().first())
                .bind("label2", settings.serviceLabels().second())
                .bind("label3", settings.serviceLabels().third())
                .bind("timeZone", settings.timeZone().getId())
                .bind("followUpMinutes", settings.textTiming().followUpMinutes())
                .bind("ownerQuietHours", settings.textTiming().ownerQuietHours())
                .bind("callScreening", settings.callScreening())
                .bind("twilioNumber", business.twilioNumber())
                .bind("twilioNumberSid", business.twilioNumberSid())
                .bind("syncedAt", business.twilioWebhooksSyncedAt())
                .bind("customerId", subscription.customerId())
                .bind("subscriptionId", subscription.subscriptionId())
                .bind("priceId", subscription.priceId())
                .bind("status", subscription.status().name())
                .bind("statusChangedAt", subscription.statusChangedAt())
                .bind("createdAt", business.createdAt())
                .bind("updatedAt", business.updatedAt())
                .execute();
        if (inserted == 0) {
            return false;
        }
        handle.createUpdate("""
                        INSERT INTO business_members (business_id, subject, role, created_at, updated_at)
                        VALUES (:businessId, :subject, :role, :createdAt, :createdAt)
                        """)
                .bind("businessId", id)
                .bind("subject", business.ownerSubject())
                .bind("role", Role.OWNER.name())
                .bind("createdAt", business.createdAt())
                .execute();
        handle.createUpdate("""
                        INSERT INTO audit_events (business_id, actor, action, target, created_at)
                        VALUES (:businessId, :actor, 'business.imported', :target, :now)
                        """)
                .bind("businessId", id)
                .bind("actor", ACTOR)
                .bind("target", "Business " + legacyId + " of the old app, owner " + business.ownerSubject())
                .bind("now", now)
                .execute();
        return true;
    }

    @Override
    public ConsentChange mergeConsent(UUID businessId, String legacyId, ImportedConsent consent, Instant now) {
        Optional<Boolean> written = handle.createQuery("""
                        INSERT INTO sms_consents AS c (business_id, phone, opted_out, opted_out_at, opted_in_at,
                                                       last_keyword, last_message_sid, phone_raw, created_at, updated_at)
                        VALUES (:businessId, :phone, :optedOut, :optedOutAt, :optedInAt, :lastKeyword, :lastMessageSid,
                                :phoneRaw, :createdAt, :updatedAt)
                        ON CONFLICT (business_id, phone) DO UPDATE SET
                            opted_out        = EXCLUDED.opted_out,
                            opted_out_at     = GREATEST(c.opted_out_at, EXCLUDED.opted_out_at),
                            opted_in_at      = GREATEST(c.opted_in_at, EXCLUDED.opted_in_at),
                            last_keyword     = COALESCE(EXCLUDED.last_keyword, c.last_keyword),
                            last_message_sid = COALESCE(EXCLUDED.last_message_sid, c.last_message_sid),
                            phone_raw        = COALESCE(EXCLUDED.phone_raw, c.phone_raw),
                            updated_at       = GREATEST(c.updated_at, EXCLUDED.updated_at)
                        WHERE %s
                        RETURNING xmax = 0 AS inserted
                        """.formatted(incomingWins("EXCLUDED", "c")))
                .bind("businessId", businessId)
                .bind("phone", consent.phone())
                .bind("optedOut", consent.optedOut())
                .bind("optedOutAt", consent.optedOutAt())
                .bind("optedInAt", consent.optedInAt())
                .bind("lastKeyword", consent.lastKeyword())
                .bind("lastMessageSid", consent.lastMessageSid())
                .bind("phoneRaw", consent.phoneRaw())
                .bind("createdAt", consent.createdAt())
                .bind("updatedAt", consent.updatedAt())
                .mapTo(Boolean.class)
                .findOne();
        handle.createUpdate("""
                        INSERT INTO legacy_imports (legacy_table, legacy_id, business_id, target_phone, imported_at)
                        VALUES (:table, :legacyId, :businessId, :phone, :now)
                        ON CONFLICT (legacy_table, legacy_id) DO NOTHING
                        """)
                .bind("table", LegacyTable.SMS_CONSENT.oldName())
                .bind("legacyId", legacyId)
                .bind("businessId", businessId)
                .bind("phone", consent.phone())
                .bind("now", now)
                .execute();
        return written.map(inserted -> inserted ? ConsentChange.INSERTED : ConsentChange.UPDATED)
                .orElse(ConsentChange.UNCHANGED);
    }

    @Override
    public ConsentChange previewConsent(UUID businessId, ImportedConsent consent) {
        return handle.createQuery("""
                        SELECT CASE WHEN c.phone IS NULL THEN 'INSERTED' WHEN %s THEN 'UPDATED' ELSE 'UNCHANGED' END
                          FROM (VALUES (CAST(:optedOut AS boolean), CAST(:optedOutAt AS timestamptz),
                                        CAST(:optedInAt AS timestamptz), CAST(:updatedAt AS timestamptz)))
                               AS e (opted_out, opted_out_at, opted_in_at, updated_at)
                          LEFT JOIN sms_consents c ON c.business_id = :businessId AND c.phone = :phone
                        """.formatted(incomingWins("e", "c")))
                .bind("businessId", businessId)
                .bind("phone", consent.phone())
                .bind("optedOut", consent.optedOut())
                .bind("optedOutAt", consent.optedOutAt())
                .bind("optedInAt", consent.optedInAt())
                .bind("updatedAt", consent.updatedAt())
                .mapTo(String.class)
                .map(ConsentChange::valueOf)
                .one();
    }

    @Override
    public Optional<String> callConflict(ImportedCall call) {
        return first(handle.createQuery("""
                        SELECT CASE WHEN call_sid = :callSid THEN 'CallSid ' || :callSid
                                    ELSE 'DialCallSid ' || :dialCallSid END
                               || ' already belongs to call ' || id || ' here'
                          FROM calls
                         WHERE call_sid = :callSid OR dial_call_sid = :dialCallSid
                        """)
                .bind("callSid", call.callSid())
                .bind("dialCallSid", call.dialCallSid())
                .mapTo(String.class)
                .list());
    }

    @Override
    public boolean insertCall(UUID id, UUID businessId, ImportedCall call) {
        var recording = call.recording();
        return handle.createUpdate("""
                        INSERT INTO calls (id, business_id, call_sid, parent_call_sid, dial_call_sid, from_raw, from_number,
                                           to_raw, to_number, dial_call_status, status, call_duration_seconds,
                                           dial_call_duration_seconds, recording_sid, recording_url, recording_status,
                                           recording_duration_seconds, answered, missed, raw_payload,
                                           created_at, updated_at)
                        VALUES (:id, :businessId, :callSid, :parentCallSid, :dialCallSid, :fromRaw, :fromNumber,
                                :toRaw, :toNumber, :dialCallStatus, :status, :callDuration,
                                :dialCallDuration, :recordingSid, :recordingUrl, :recordingStatus,
                                :recordingDuration, :answered, :missed, CAST(:rawPayload AS jsonb),
                                :createdAt, :updatedAt)
                        ON CONFLICT DO NOTHING
                        """)
                        .bind("id", id)
                        .bind("businessId", businessId)
                        .bind("callSid", call.callSid())
                        .bind("parentCallSid", call.parentCallSid())
                        .bind("dialCallSid", call.dialCallSid())
                        .bind("fromRaw", call.fromRaw())
                        .bind("fromNumber", call.fromNumber())
                        .bind("toRaw", call.toRaw())
                        .bind("toNumber", call.toNumber())
                        .bind("dialCallStatus", call.dialCallStatus())
                        .bind("status", call.status().name())
                        .bind("callDuration", call.callDurationSeconds())
                        .bind("dialCallDuration", call.dialCallDurationSeconds())
                        .bind("recordingSid", recording == null ? null : recording.sid())
                        .bind("recordingUrl", recording == null ? null : recording.url())
                        .bind("recordingStatus", recording == null ? null : recording.status())
                        .bind("recordingDuration", recording == null ? null : recording.durationSeconds())
                        .bind("answered", call.answered())
                        .bind("missed", call.missed())
                        .bind("rawPayload", call.rawPayloadJson())
                        .bind("createdAt", call.createdAt())
                        .bind("updatedAt", call.updatedAt())
                        .execute()
                == 1;
    }

    @Override
    public Optional<String> leadConflict(UUID callId) {
        return first(handle.createQuery(
                        "SELECT 'its call already has lead ' || id || ' here' FROM leads WHERE call_id = :callId")
                .bind("callId", callId)
                .mapTo(String.class)
                .list());
    }

    @Override
    public boolean insertLead(UUID id, UUID businessId, UUID callId, ImportedLead lead) {
        var answers = lead.qualification();
        return handle.createUpdate("""
                        INSERT INTO leads (id, business_id, call_id, caller_raw, caller_number, status, billing_required,
                                           conversation_state, service, service_raw, urgency, zip, best_time,
                                           contact_name, sms_started_at, sms_completed_at, owner_notified_at,
                                           usage_limit_notified_at, last_inbound_at, last_outbound_at,
                                           last_interaction_at, created_at, updated_at)
                        VALUES (:id, :businessId, :callId, :callerRaw, :callerNumber, :status, :billingRequired,
                                :state, :service, :serviceRaw, :urgency, :zip, :bestTime, :contactName,
                                :smsStartedAt, :smsCompletedAt, :ownerNotifiedAt, :usageLimitNotifiedAt,
                                :lastInboundAt, :lastOutboundAt, :lastInteractionAt, :createdAt, :updatedAt)
                        ON CONFLICT DO NOTHING
                        """)
                        .bind("id", id)
                        .bind("businessId", businessId)
                        .bind("callId", callId)
                        .bind("callerRaw", lead.callerRaw())
                        .bind("callerNumber", lead.callerNumber())
                        .bind("status", lead.status().name())
                        .bind("billingRequired", lead.billingRequired())
                        .bind("state", lead.conversationState().name())
                        .bind("service", answers.service())
                        .bind("serviceRaw", answers.serviceRaw())
                        .bind("urgency", answers.urgency())
                        .bind("zip", answers.zip())
                        .bind("bestTime", answers.bestTime())
                        .bind("contactName", answers.contactName())
                        .bind("smsStartedAt", lead.smsStartedAt())
                        .bind("smsCompletedAt", lead.smsCompletedAt())
                        .bind("ownerNotifiedAt", lead.ownerNotifiedAt())
                        .bind("usageLimitNotifiedAt", lead.usageLimitNotifiedAt())
                        .bind("lastInboundAt", lead.lastInboundAt())
                        .bind("lastOutboundAt", lead.lastOutboundAt())
                        .bind("lastInteractionAt", lead.lastInteractionAt())
                        .bind("createdAt", lead.createdAt())
                        .bind("updatedAt", lead.updatedAt())
                        .execute()
                == 1;
    }

    @Override
    public Optional<String> messageConflict(ImportedMessage message) {
        return first(handle.createQuery(
                        "SELECT 'its SID already belongs to message ' || id || ' here' FROM messages WHERE twilio_sid = :sid")
                .bind("sid", message.twilioSid())
                .mapTo(String.class)
                .list());
    }

    @Override
    public boolean insertMessage(UUID id, UUID businessId, UUID leadId, ImportedMessage message) {
        return handle.createUpdate("""
                        INSERT INTO messages (id, business_id, lead_id, direction, participant, from_number, to_number,
                                              body, twilio_sid, twilio_status, raw_payload, delivery_state, attempts,
                                              sent_at, last_error, created_at, updated_at)
                        VALUES (:id, :businessId, :leadId, :direction, :participant, :from, :to,
                                :body, :sid, :twilioStatus, CAST(:rawPayload AS jsonb), :deliveryState, :attempts,
                                :sentAt, :lastError, :createdAt, :updatedAt)
                        ON CONFLICT DO NOTHING
                        """)
                        .bind("id", id)
                        .bind("businessId", businessId)
                        .bind("leadId", leadId)
                        .bind("direction", message.direction().name())
                        .bind("participant", message.participant().name())
                        .bind("from", message.fromNumber())
                        .bind("to", message.toNumber())
                        .bind("body", message.body())
                        .bind("sid", message.twilioSid())
                        .bind("twilioStatus", message.twilioStatus())
                        .bind("rawPayload", message.rawPayloadJson())
                        .bind(
                                "deliveryState",
                                message.deliveryState() == null
                                        ? null
                                        : message.deliveryState().name())
                        .bind("attempts", message.attempts())
                        .bind("sentAt", message.sentAt())
                        .bind("lastError", message.lastError())
                        .bind("createdAt", message.createdAt())
                        .bind("updatedAt", message.updatedAt())
                        .execute()
                == 1;
    }

    /**
     * When an incoming consent ({@code in}) replaces the one stored ({@code stored}): an old STOP at least as recent
     * as our last START opts the phone out; only an old START strictly newer than our last STOP opts it back in.
     * Otherwise (the same answer, or ours is newer) the stored one stays. One rule for the merge and its preview.
     */
    private static String incomingWins(String in, String stored) {
        return """
                ((%1$s.opted_out AND NOT %2$s.opted_out
                  AND COALESCE(%1$s.opted_out_at, %1$s.updated_at)
                      >= COALESCE(%2$s.opted_in_at, CAST('-infinity' AS timestamptz)))
                 OR (NOT %1$s.opted_out AND %2$s.opted_out
                  AND %1$s.opted_in_at > COALESCE(%2$s.opted_out_at, CAST('-infinity' AS timestamptz))))
                """.formatted(in, stored);
    }

    private static Optional<String> first(List<String> found) {
        return found.stream().findFirst();
    }
}
