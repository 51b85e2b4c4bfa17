package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.CallRecord;
import com.callbackcloser.core.model.CallScreeningState;
import com.callbackcloser.core.model.RecordingMetadata;
import com.callbackcloser.core.port.out.CallRepository;
import com.callbackcloser.core.port.out.DialResultRecord;
import com.callbackcloser.core.port.out.IncomingCallRecord;
import com.callbackcloser.db.dao.CallDao;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

final class JdbiCallRepository implements CallRepository {
    private final CallDao dao;

    JdbiCallRepository(CallDao dao) {
        this.dao = dao;
    }

    @Override
    public UUID recordIncoming(IncomingCallRecord call, Instant now) {
        return dao.upsertIncoming(
                call.businessId(),
                call.callSid(),
                call.parentCallSid(),
                call.fromRaw(),
                call.fromNumber(),
                call.toRaw(),
                call.toNumber(),
                call.screened(),
                call.rawPayloadJson(),
                now);
    }

    @Override
    public UUID recordDialResult(DialResultRecord call, Instant now) {
        Optional<RecordingMetadata> recording = Optional.ofNullable(call.recording());
        return dao.upsertDialResult(
                call.businessId(),
                call.callSid(),
                call.parentCallSid(),
                call.dialCallSid(),
                call.fromRaw(),
                call.fromNumber(),
                call.toRaw(),
                call.toNumber(),
                call.dialCallStatus(),
                call.status().name(),
                call.callDurationSeconds(),
                call.dialCallDurationSeconds(),
                recording.map(RecordingMetadata::sid).orElse(null),
                recording.map(RecordingMetadata::url).orElse(null),
                recording.map(RecordingMetadata::status).orElse(null),
                recording.map(RecordingMetadata::durationSeconds).orElse(null),
                call.answered(),
                call.missed(),
                call.rawPayloadJson(),
                now);
    }

    @Override
    public void attachRecording(String callSid, RecordingMetadata recording, String rawPayloadJson, Instant now) {
        int updated = dao.updateRecording(
                callSid,
                recording.sid(),
                recording.url(),
                recording.status(),
                recording.durationSeconds(),
                rawPayloadJson,
                now);
        if (updated == 0) {
            dao.upsertRecording(
                    callSid,
                    recording.sid(),
                    recording.url(),
                    recording.status(),
                    recording.durationSeconds(),
                    rawPayloadJson,
                    now);
        }
    }

    @Override
    public Optional<CallRecord> findById(UUID id) {
        return dao.findById(id);
    }

    @Override
    public Optional<CallScreeningState> lockScreening(String callSid) {
        return dao.lockScreening(callSid);
    }

    @Override
    public void recordScreenKeyPress(String callSid, Instant now) {
        dao.recordScreenKeyPress(callSid, now);
    }
}
