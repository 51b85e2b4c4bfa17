package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.CallRecord;
import com.callbackcloser.core.model.CallScreeningState;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Every write is an upsert on call_sid. Whichever callback arrives first creates the row; the others fill it
 * in, so retries and any arrival order end in the same row.
 */
public interface CallDao {

    /**
     * Voice webhook: never moves a call that has already been dialled back to RECEIVED. Whether the leg is screened
     * follows the latest TwiML we answered (the one Twilio runs), until the Dial's result is in.
     */
    @SqlQuery("""
            INSERT INTO calls (business_id, call_sid, parent_call_sid, from_raw, from_number, to_raw, to_number,
                               status, screened, raw_payload, created_at, updated_at)
            VALUES (:businessId, :callSid, :parentCallSid, :fromRaw, :fromNumber, :toRaw, :toNumber,
                    'RECEIVED', :screened, CAST(:rawPayload AS jsonb), :now, :now)
            ON CONFLICT (call_sid) DO UPDATE SET
                screened        = CASE WHEN calls.status = 'RECEIVED' THEN EXCLUDED.screened ELSE calls.screened END,
                business_id     = COALESCE(calls.business_id, EXCLUDED.business_id),
                parent_call_sid = COALESCE(calls.parent_call_sid, EXCLUDED.parent_call_sid),
                from_raw        = COALESCE(calls.from_raw, EXCLUDED.from_raw),
                from_number     = COALESCE(calls.from_number, EXCLUDED.from_number),
                to_raw          = COALESCE(calls.to_raw, EXCLUDED.to_raw),
                to_number       = COALESCE(calls.to_number, EXCLUDED.to_number),
                raw_payload     = COALESCE(calls.raw_payload, EXCLUDED.raw_payload),
                updated_at      = EXCLUDED.updated_at
            RETURNING id
            """)
    UUID upsertIncoming(
            @Bind("businessId") UUID businessId,
            @Bind("callSid") String callSid,
            @Bind("parentCallSid") String parentCallSid,
            @Bind("fromRaw") String fromRaw,
            @Bind("fromNumber") String fromNumber,
            @Bind("toRaw") String toRaw,
            @Bind("toNumber") String toNumber,
            @Bind("screened") boolean screened,
            @Bind("rawPayload") String rawPayload,
            @Bind("now") Instant now);

    /**
     * Dial action callback. Recording fields already stored by a recording callback win over the copies in
     * this callback, and those of a later recording callback win over these: either order stores the same.
     * A callback without a final dial result (a call status callback, status RECEIVED) only fills gaps: it
     * never turns a missed or answered call back into a received one.
     */
    @SqlQuery("""
            INSERT INTO calls (business_id, call_sid, parent_call_sid, dial_call_sid, from_raw, from_number,
                               to_raw, to_number, dial_call_status, status, call_duration_seconds,
                               dial_call_duration_seconds, recording_sid, recording_url, recording_status,
                               recording_duration_seconds, answered, missed, raw_payload, created_at, updated_at)
            VALUES (:businessId, :callSid, :parentCallSid, :dialCallSid, :fromRaw, :fromNumber,
                    :toRaw, :toNumber, :dialCallStatus, :status, :callDuration,
                    :dialCallDuration, :recordingSid, :recordingUrl, :recordingStatus,
                    :recordingDuration, :answered, :missed, CAST(:rawPayload AS jsonb), :now, :now)
            ON CONFLICT (call_sid) DO UPDATE SET
                business_id                = EXCLUDED.business_id,
                parent_call_sid            = COALESCE(EXCLUDED.parent_call_sid, calls.parent_call_sid),
                dial_call_sid              = COALESCE(EXCLUDED.dial_call_sid, calls.dial_call_sid),
                from_raw                   = COALESCE(EXCLUDED.from_raw, calls.from_raw),
                from_number                = COALESCE(EXCLUDED.from_number, calls.from_number),
                to_raw                     = EXCLUDED.to_raw,
                to_number                  = EXCLUDED.to_number,
                dial_call_status           = COALESCE(EXCLUDED.dial_call_status, calls.dial_call_status),
                status                     = CASE WHEN EXCLUDED.status = 'RECEIVED' THEN calls.status
                                                  ELSE EXCLUDED.status END,
                call_duration_seconds      = COALESCE(EXCLUDED.call_duration_seconds, calls.call_duration_seconds),
                dial_call_duration_seconds = COALESCE(EXCLUDED.dial_call_duration_seconds, calls.dial_call_duration_seconds),
                recording_sid              = COALESCE(calls.recording_sid, EXCLUDED.recording_sid),
                recording_url              = COALESCE(calls.recording_url, EXCLUDED.recording_url),
                recording_status           = COALESCE(calls.recording_status, EXCLUDED.recording_status),
                recording_duration_seconds = COALESCE(calls.recording_duration_seconds, EXCLUDED.recording_duration_seconds),
                answered                   = CASE WHEN EXCLUDED.status = 'RECEIVED' THEN calls.answered
                                                  ELSE EXCLUDED.answered END,
                missed                     = CASE WHEN EXCLUDED.status = 'RECEIVED' THEN calls.missed
                                                  ELSE EXCLUDED.missed END,
                raw_payload                = CASE WHEN EXCLUDED.status = 'RECEIVED'
                                                  THEN COALESCE(calls.raw_payload, EXCLUDED.raw_payload)
                                                  ELSE EXCLUDED.raw_payload END,
                updated_at                 = EXCLUDED.updated_at
            RETURNING id
            """)
    UUID upsertDialResult(
            @Bind("businessId") UUID businessId,
            @Bind("callSid") String callSid,
            @Bind("parentCallSid") String parentCallSid,
            @Bind("dialCallSid") String dialCallSid,
            @Bind("fromRaw") String fromRaw,
            @Bind("fromNumber") String fromNumber,
            @Bind("toRaw") String toRaw,
            @Bind("toNumber") String toNumber,
            @Bind("dialCallStatus") String dialCallStatus,
            @Bind("status") String status,
            @Bind("callDuration") Integer callDuration,
            @Bind("dialCallDuration") Integer dialCallDuration,
            @Bind("recordingSid") String recordingSid,
            @Bind("recordingUrl") String recordingUrl,
            @Bind("recordingStatus") String recordingStatus,
            @Bind("recordingDuration") Integer recordingDuration,
            @Bind("answered") boolean answered,
            @Bind("missed") boolean missed,
            @Bind("rawPayload") String rawPayload,
            @Bind("now") Instant now);

    /** Recording callback for a call we know, by its own SID or by its dialled leg's SID. */
    @SqlUpdate("""
            UPDATE calls SET
                recording_sid              = COALESCE(:recordingSid, recording_sid),
                recording_url              = COALESCE(:recordingUrl, recording_url),
                recording_status           = COALESCE(:recordingStatus, recording_status),
                recording_duration_seconds = COALESCE(:recordingDuration, recording_duration_seconds),
                recording_payload          = CAST(:rawPayload AS jsonb),
                updated_at                 = :now
             WHERE call_sid = :callSid OR dial_call_sid = :callSid
            """)
    int updateRecording(
            @Bind("callSid") String callSid,
            @Bind("recordingSid") String recordingSid,
            @Bind("recordingUrl") String recordingUrl,
            @Bind("recordingStatus") String recordingStatus,
            @Bind("recordingDuration") Integer recordingDuration,
            @Bind("rawPayload") String rawPayload,
            @Bind("now") Instant now);

    /** Recording callback that came before the call's other callbacks: the row starts from the recording. */
    @SqlUpdate("""
            INSERT INTO calls (call_sid, recording_sid, recording_url, recording_status, recording_duration_seconds,
                               recording_payload, created_at, updated_at)
            VALUES (:callSid, :recordingSid, :recordingUrl, :recordingStatus, :recordingDuration,
                    CAST(:rawPayload AS jsonb), :now, :now)
            ON CONFLICT (call_sid) DO UPDATE SET
                recording_sid              = COALESCE(EXCLUDED.recording_sid, calls.recording_sid),
                recording_url              = COALESCE(EXCLUDED.recording_url, calls.recording_url),
                recording_status           = COALESCE(EXCLUDED.recording_status, calls.recording_status),
                recording_duration_seconds = COALESCE(EXCLUDED.recording_duration_seconds, calls.recording_duration_seconds),
                recording_payload          = EXCLUDED.recording_payload,
                updated_at                 = EXCLUDED.updated_at
            """)
    void upsertRecording(
            @Bind("callSid") String callSid,
            @Bind("recordingSid") String recordingSid,
            @Bind("recordingUrl") String recordingUrl,
            @Bind("recordingStatus") String recordingStatus,
            @Bind("recordingDuration") Integer recordingDuration,
            @Bind("rawPayload") String rawPayload,
            @Bind("now") Instant now);

    /**
     * Locks against concurrent writers of the call (the key press, the Dial's result), not against the leads that
     * reference it.
     */
    @SqlQuery("""
            SELECT screened, screen_key_pressed_at, status <> 'RECEIVED' AS dial_ended
              FROM calls WHERE call_sid = :callSid
               FOR NO KEY UPDATE
            """)
    @RegisterRowMapper(CallScreeningStateMapper.class)
    Optional<CallScreeningState> lockScreening(@Bind("callSid") String callSid);

    @SqlUpdate("""
            UPDATE calls SET screen_key_pressed_at = COALESCE(screen_key_pressed_at, :now), updated_at = :now
             WHERE call_sid = :callSid
            """)
    int recordScreenKeyPress(@Bind("callSid") String callSid, @Bind("now") Instant now);

    @SqlQuery("SELECT * FROM calls WHERE id = :id")
    @RegisterRowMapper(CallRecordMapper.class)
    Optional<CallRecord> findById(@Bind("id") UUID id);
}
