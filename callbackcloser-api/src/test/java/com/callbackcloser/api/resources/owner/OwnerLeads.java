package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import java.time.Instant;
import java.util.UUID;

/** Leads written straight into the database for owner API tests (the webhook path has its own tests). */
final class OwnerLeads {
    private OwnerLeads() {}

    /** A missed call and its lead; with a recording when {@code recordingSid} is given. Returns the lead id. */
    static String insertLead(
            ServiceUnderTest service, String businessId, String recordingSid, String status, Instant createdAt) {
        return insertLead(
                service,
                businessId,
                recordingSid,
                recordingSid == null ? null : TwilioFake.recordingUrl(recordingSid),
                status,
                createdAt);
    }

    /** Like the above, with the RecordingUrl the callback stored (which the recording proxy must never follow). */
    static String insertLead(
            ServiceUnderTest service,
            String businessId,
            String recordingSid,
            String recordingUrl,
            String status,
            Instant createdAt) {
        return service.jdbi().withHandle(h -> {
            UUID call = h.createQuery("""
                            INSERT INTO calls (business_id, call_sid, from_number, to_number, status, dial_call_status,
                                               missed, recording_sid, recording_url, recording_status,
                                               recording_duration_seconds, created_at, updated_at)
                            VALUES (:b, :sid, '+14155550123', '+16285550901', 'MISSED', 'no-answer', true,
                                    :rec, :recUrl, :recStatus, :recDuration, :at, :at)
                            RETURNING id""")
                    .bind("b", UUID.fromString(businessId))
                    .bind("sid", "CA" + UUID.randomUUID().toString().replace("-", ""))
                    .bind("rec", recordingSid)
                    .bind("recUrl", recordingUrl)
                    .bind("recStatus", recordingSid == null ? null : "completed")
                    .bind("recDuration", recordingSid == null ? null : 12)
                    .bind("at", createdAt)
                    .mapTo(UUID.class)
                    .one();
            return h.createQuery("""
                            INSERT INTO leads (business_id, call_id, caller_raw, caller_number, status, created_at,
                                               updated_at)
                            VALUES (:b, :call, '+14155550123', '+14155550123', :status, :at, :at)
                            RETURNING id""")
                    .bind("b", UUID.fromString(businessId))
                    .bind("call", call)
                    .bind("status", status)
                    .bind("at", createdAt)
                    .mapTo(String.class)
                    .one();
        });
    }

    static String status(ServiceUnderTest service, String leadId) {
        return service.jdbi()
                .withHandle(h -> h.createQuery("SELECT status FROM leads WHERE id = :id")
                        .bind("id", UUID.fromString(leadId))
                        .mapTo(String.class)
                        .one());
    }
}
