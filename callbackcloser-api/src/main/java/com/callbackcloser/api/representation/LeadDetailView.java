package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.CallRecord;
import com.callbackcloser.core.model.LeadDetail;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One lead in full: its answers, its call (with recording metadata), and the transcript, oldest first. */
public record LeadDetailView(LeadView lead, CallView call, List<MessageView> transcript) {

    public record CallView(
            UUID id,
            String callSid,
            String from,
            String to,
            String status,
            String dialCallStatus,
            boolean answered,
            boolean missed,
            boolean screened,
            Instant screenKeyPressedAt,
            Integer callDurationSeconds,
            Integer dialCallDurationSeconds,
            RecordingView recording,
            Instant createdAt) {}

    /** Metadata only; the audio itself is at {@code …/leads/{id}/recording}. */
    public record RecordingView(String sid, String status, Integer durationSeconds) {}

    public static LeadDetailView of(LeadDetail detail) {
        CallRecord c = detail.call();
        CallView call = c == null
                ? null
                : new CallView(
                        c.id(),
                        c.callSid(),
                        c.fromNumber(),
                        c.toNumber(),
                        c.status() == null ? null : c.status().name(),
                        c.dialCallStatus(),
                        c.answered(),
                        c.missed(),
                        c.screened(),
                        c.screenKeyPressedAt(),
                        c.callDurationSeconds(),
                        c.dialCallDurationSeconds(),
                        c.recording() == null
                                ? null
                                : new RecordingView(
                                        c.recording().sid(),
                                        c.recording().status(),
                                        c.recording().durationSeconds()),
                        c.createdAt());
        List<MessageView> transcript =
                detail.transcript().stream().map(MessageView::of).toList();
        MessageView latest = transcript.isEmpty() ? null : transcript.get(transcript.size() - 1);
        return new LeadDetailView(LeadView.of(detail.lead(), latest), call, transcript);
    }
}
