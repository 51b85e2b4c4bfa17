package com.callbackcloser.core.port.in;

import static com.callbackcloser.core.model.Strings.isBlank;

import com.callbackcloser.core.model.RecordingMetadata;
import java.util.Optional;

/**
 * What Twilio posts to the status URL: the Dial action callback when the forwarded leg ends, and the
 * recording status callback when a recording is ready. Fields Twilio did not send are null.
 */
public record DialStatusCallback(
        String callSid,
        String parentCallSid,
        String dialCallSid,
        String from,
        String to,
        String dialCallStatus,
        Integer callDurationSeconds,
        Integer dialCallDurationSeconds,
        Optional<RecordingMetadata> recording,
        String rawPayloadJson) {

    public DialStatusCallback {
        recording = recording == null ? Optional.empty() : recording;
    }

    /** A recording status callback: recording fields, but neither {@code To} nor {@code DialCallStatus}. */
    public boolean isRecordingOnly() {
        return recording.isPresent() && isBlank(to) && isBlank(dialCallStatus);
    }
}
