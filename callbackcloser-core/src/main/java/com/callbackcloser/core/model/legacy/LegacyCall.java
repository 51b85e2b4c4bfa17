package com.callbackcloser.core.model.legacy;

import com.callbackcloser.core.model.CallStatus;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.RecordingMetadata;
import com.callbackcloser.core.model.Strings;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/** A row of the old app's {@code Call} table. {@code rawPayload} is its JSON text. */
public record LegacyCall(
        String id,
        String businessId,
        String twilioCallSid,
        String parentCallSid,
        String dialCallSid,
        String fromPhone,
        String fromPhoneNormalized,
        String toPhone,
        String toPhoneNormalized,
        String dialCallStatus,
        String status,
        Integer callDurationSeconds,
        Integer dialCallDurationSeconds,
        String recordingSid,
        String recordingUrl,
        String recordingStatus,
        Integer recordingDurationSeconds,
        boolean answered,
        boolean missed,
        String rawPayload,
        Instant createdAt,
        Instant updatedAt) {

    public ImportedCall toOurs() {
        String callSid = Strings.trimToNull(twilioCallSid);
        if (callSid == null) {
            throw new InvalidInputException("twilioCallSid", "the call has no CallSid");
        }
        return new ImportedCall(
                callSid,
                Strings.trimToNull(parentCallSid),
                Strings.trimToNull(dialCallSid),
                fromPhone,
                LegacyValues.phone(fromPhone, fromPhoneNormalized),
                toPhone,
                LegacyValues.phone(toPhone, toPhoneNormalized),
                Strings.trimToNull(dialCallStatus),
                callStatus(),
                callDurationSeconds,
                dialCallDurationSeconds,
                RecordingMetadata.of(recordingSid, recordingUrl, recordingStatus, recordingDurationSeconds)
                        .orElse(null),
                answered,
                missed,
                rawPayload,
                createdAt,
                updatedAt);
    }

    /**
     * The old app wrote our four statuses as free text; anything else (a hand edit) is read from the flags the
     * status was derived from, rather than refusing the call.
     */
    private CallStatus callStatus() {
        String upper = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(CallStatus.values())
                .filter(known -> known.name().equals(upper))
                .findFirst()
                .orElse(answered ? CallStatus.ANSWERED : missed ? CallStatus.MISSED : CallStatus.RECEIVED);
    }
}
