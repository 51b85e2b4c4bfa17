package com.callbackcloser.core.model;

import static com.callbackcloser.core.model.Strings.isBlank;
import static com.callbackcloser.core.model.Strings.trimToNull;

import java.util.Optional;

/** Recording fields from a Dial action or recording status callback. */
public record RecordingMetadata(String sid, String url, String status, Integer durationSeconds) {

    /** Present when any field is; Twilio sends them only when the call was recorded. */
    public static Optional<RecordingMetadata> of(String sid, String url, String status, Integer durationSeconds) {
        if (isBlank(sid) && isBlank(url) && isBlank(status) && durationSeconds == null) {
            return Optional.empty();
        }
        return Optional.of(
                new RecordingMetadata(trimToNull(sid), trimToNull(url), trimToNull(status), durationSeconds));
    }
}
