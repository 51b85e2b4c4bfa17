package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.CallRecord;
import com.callbackcloser.core.model.CallScreeningState;
import com.callbackcloser.core.model.RecordingMetadata;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Calls, one row per Twilio CallSid. Every write is an upsert by CallSid so retried and reordered webhooks
 * converge on the same row; the upsert also locks that row until the transaction ends, which serialises
 * concurrent deliveries of the same callback.
 */
public interface CallRepository {

    /** Voice webhook: inserts the call as RECEIVED, or fills only the gaps of an existing row. */
    UUID recordIncoming(IncomingCallRecord call, Instant now);

    /** Dial action callback: inserts or updates the call with the dial result. */
    UUID recordDialResult(DialResultRecord call, Instant now);

    /**
     * Recording status callback: stores the metadata on the call with this SID (or dial-leg SID), creating
     * the row when the recording callback arrives first.
     */
    void attachRecording(String callSid, RecordingMetadata recording, String rawPayloadJson, Instant now);

    Optional<CallRecord> findById(UUID id);

    /**
     * The screening of the call with this CallSid (the parent call, the one Twilio's voice webhook announced),
     * locking its row until the transaction ends so a key press and the Dial's result are decided one after the
     * other; empty when there is no such call.
     */
    Optional<CallScreeningState> lockScreening(String callSid);

    /** The person on the forwarded leg pressed the key; the first press is the one kept. */
    void recordScreenKeyPress(String callSid, Instant now);
}
