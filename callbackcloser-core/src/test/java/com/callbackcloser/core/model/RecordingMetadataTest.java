package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.port.in.DialStatusCallback;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordingMetadataTest {

    @Test
    void absentWhenNoRecordingFieldIsPresent() {
        assertThat(RecordingMetadata.of(null, " ", "", null)).isEmpty();
    }

    @Test
    void blankFieldsBecomeNull() {
        assertThat(RecordingMetadata.of("RE1", "", " completed ", 12))
                .contains(new RecordingMetadata("RE1", null, "completed", 12));
    }

    @Test
    void aCallbackWithRecordingFieldsButNoToOrDialStatusIsARecordingCallback() {
        var recording = RecordingMetadata.of("RE1", "https://api.twilio.com/rec/RE1", "completed", 30);
        assertThat(callback(null, null, recording).isRecordingOnly()).isTrue();
        assertThat(callback("+14155550100", null, recording).isRecordingOnly()).isFalse();
        assertThat(callback(null, "completed", recording).isRecordingOnly()).isFalse();
        assertThat(callback(null, null, Optional.empty()).isRecordingOnly()).isFalse();
    }

    private static DialStatusCallback callback(String to, String dialStatus, Optional<RecordingMetadata> recording) {
        return new DialStatusCallback("CA1", null, null, "+14155550123", to, dialStatus, null, null, recording, "{}");
    }
}
