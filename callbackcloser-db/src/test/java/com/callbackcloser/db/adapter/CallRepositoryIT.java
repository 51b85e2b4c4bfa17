package com.callbackcloser.db.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.CallScreeningState;
import com.callbackcloser.core.model.CallStatus;
import com.callbackcloser.core.model.RecordingMetadata;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.out.DialResultRecord;
import com.callbackcloser.core.port.out.IncomingCallRecord;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CallRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
    private static final RecordingMetadata RECORDING = new RecordingMetadata(
            "RE100", "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE100", "completed", 42);
    private static Jdbi jdbi;
    private static JdbiTransactionRunner transactions;
    private static Business business;

    @BeforeAll
    static void database() {
        jdbi = TestDatabase.create().jdbi();
        transactions = new JdbiTransactionRunner(jdbi);
        business = TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE);
    }

    @Test
    void recordingBeforeOrAfterTheDialCallbackEndsInTheSameRow() {
        transactions.inTransaction(r -> {
            r.calls().attachRecording("CA-rec-first", RECORDING, "{\"RecordingSid\":\"RE100\"}", NOW);
            r.calls().recordDialResult(dial("CA-rec-first", "CA-leg-1", null), NOW);
            return null;
        });
        transactions.inTransaction(r -> {
            r.calls().recordDialResult(dial("CA-dial-first", "CA-leg-2", null), NOW);
            r.calls().attachRecording("CA-dial-first", RECORDING, "{\"RecordingSid\":\"RE100\"}", NOW);
            return null;
        });

        Map<String, Object> recordingFirst = row("CA-rec-first");
        Map<String, Object> dialFirst = row("CA-dial-first");
        for (String column : List.of(
                "business_id",
                "status",
                "dial_call_status",
                "missed",
                "answered",
                "recording_sid",
                "recording_url",
                "recording_status",
                "recording_duration_seconds",
                "from_number",
                "recording_payload")) {
            assertThat(recordingFirst.get(column)).as(column).isEqualTo(dialFirst.get(column));
        }
        assertThat(recordingFirst.get("recording_sid")).isEqualTo("RE100");
        assertThat(recordingFirst.get("recording_duration_seconds")).isEqualTo(42);
        assertThat(recordingFirst.get("status")).isEqualTo("MISSED");
        assertThat((String) recordingFirst.get("raw_payload")).contains("\"DialCallStatus\": \"no-answer\"");
        assertThat(count("CA-rec-first")).isEqualTo(1);
    }

    @Test
    void recordingCallbackCarryingTheDialledLegSidFindsTheParentCall() {
        transactions.inTransaction(r -> r.calls().recordDialResult(dial("CA-parent", "CA-child", null), NOW));
        transactions.inTransaction(r -> {
            r.calls().attachRecording("CA-child", RECORDING, "{}", NOW);
            return null;
        });

        assertThat(row("CA-parent").get("recording_sid")).isEqualTo("RE100");
        assertThat(count("CA-child")).isZero();
    }

    @Test
    void recordingFieldsOfTheRecordingCallbackWinOverThoseOfTheDialCallback() {
        RecordingMetadata partial = new RecordingMetadata("RE100", "https://example/rec", null, null);
        transactions.inTransaction(r -> r.calls().recordDialResult(dial("CA-partial", "CA-leg-3", partial), NOW));
        transactions.inTransaction(r -> {
            r.calls().attachRecording("CA-partial", RECORDING, "{}", NOW);
            return null;
        });

        Map<String, Object> call = row("CA-partial");
        assertThat(call.get("recording_url")).isEqualTo(RECORDING.url());
        assertThat(call.get("recording_status")).isEqualTo("completed");
        assertThat(call.get("recording_duration_seconds")).isEqualTo(42);
    }

    @Test
    void aRetriedVoiceWebhookNeverMovesADialledCallBackToReceived() {
        transactions.inTransaction(r -> r.calls().recordIncoming(incoming("CA-voice"), NOW));
        transactions.inTransaction(r -> r.calls().recordDialResult(dial("CA-voice", "CA-leg-4", null), NOW));
        var again = transactions.inTransaction(r -> r.calls().recordIncoming(incoming("CA-voice"), NOW));

        assertThat(row("CA-voice").get("status")).isEqualTo("MISSED");
        assertThat(again).isEqualTo(row("CA-voice").get("id"));
    }

    @Test
    void voiceWebhookCompletesARowStartedByARecording() {
        transactions.inTransaction(r -> {
            r.calls().attachRecording("CA-voice-late", RECORDING, "{}", NOW);
            return r.calls().recordIncoming(incoming("CA-voice-late"), NOW);
        });

        Map<String, Object> call = row("CA-voice-late");
        assertThat(call.get("business_id")).isEqualTo(business.id());
        assertThat(call.get("from_number")).isEqualTo("+14155550123");
        assertThat(call.get("recording_sid")).isEqualTo("RE100");
    }

    @Test
    void aScreenedCallKeepsItsFirstKeyPressAndTheDialResultEndsTheScreening() {
        transactions.inTransaction(r -> r.calls().recordIncoming(incoming("CA-screened", true), NOW));
        assertThat(screening("CA-screened")).contains(new CallScreeningState(true, null, false));

        transactions.inTransaction(r -> {
            r.calls().recordScreenKeyPress("CA-screened", NOW);
            r.calls().recordScreenKeyPress("CA-screened", NOW.plusSeconds(5));
            return null;
        });
        assertThat(screening("CA-screened")).contains(new CallScreeningState(true, NOW, false));

        transactions.inTransaction(r -> r.calls().recordDialResult(dial("CA-screened", "CA-leg-screened", null), NOW));
        assertThat(screening("CA-screened")).contains(new CallScreeningState(true, NOW, true));
    }

    @Test
    void aRetriedVoiceWebhookFollowsTheLatestAnswerUntilTheDialEnds() {
        transactions.inTransaction(r -> r.calls().recordIncoming(incoming("CA-toggled", true), NOW));
        transactions.inTransaction(r -> r.calls().recordIncoming(incoming("CA-toggled", false), NOW));
        assertThat(screening("CA-toggled").orElseThrow().screened()).isFalse();

        transactions.inTransaction(r -> r.calls().recordIncoming(incoming("CA-toggled-late", true), NOW));
        transactions.inTransaction(
                r -> r.calls().recordDialResult(dial("CA-toggled-late", "CA-leg-toggled", null), NOW));
        transactions.inTransaction(r -> r.calls().recordIncoming(incoming("CA-toggled-late", false), NOW));
        assertThat(screening("CA-toggled-late").orElseThrow().screened()).isTrue();
    }

    @Test
    void anUnknownCallHasNoScreening() {
        assertThat(screening("CA-nobody")).isEmpty();
    }

    private static Optional<CallScreeningState> screening(String callSid) {
        return transactions.inTransaction(r -> r.calls().lockScreening(callSid));
    }

    private static IncomingCallRecord incoming(String callSid) {
        return incoming(callSid, false);
    }

    private static IncomingCallRecord incoming(String callSid, boolean screened) {
        return new IncomingCallRecord(
                business.id(),
                callSid,
                null,
                "+14155550123",
                "+14155550123",
                business.twilioNumber(),
                business.twilioNumber(),
                screened,
                "{\"CallSid\":\"" + callSid + "\"}");
    }

    private static DialResultRecord dial(String callSid, String dialCallSid, RecordingMetadata recording) {
        return new DialResultRecord(
                business.id(),
                callSid,
                null,
                dialCallSid,
                "+14155550123",
                "+14155550123",
                business.twilioNumber(),
                business.twilioNumber(),
                "no-answer",
                CallStatus.MISSED,
                25,
                20,
                recording,
                false,
                true,
                "{\"CallSid\":\"" + callSid + "\",\"DialCallStatus\":\"no-answer\"}");
    }

    private static Map<String, Object> row(String callSid) {
        return jdbi.withHandle(
                h -> h.createQuery("""
                        SELECT id, business_id, status, dial_call_status, missed, answered, recording_sid,
                               recording_url, recording_status, recording_duration_seconds, from_number,
                               raw_payload::text AS raw_payload, recording_payload::text AS recording_payload
                          FROM calls WHERE call_sid = :sid
                        """).bind("sid", callSid).mapToMap().one());
    }

    private static int count(String callSid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM calls WHERE call_sid = :sid")
                .bind("sid", callSid)
                .mapTo(Integer.class)
                .one());
    }
}
