package com.callbackcloser.api.twilio;

import com.callbackcloser.core.port.in.IncomingCallDecision;
import com.twilio.http.HttpMethod;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import java.util.List;

/** The TwiML documents we answer Twilio with, built with twilio-java so they are always well-formed. */
public final class Twiml {
    public static final String MEDIA_TYPE = "application/xml";

    private Twiml() {}

    /**
     * Ring the owner. When the Dial ends Twilio posts its result to the status URL (the missed-call check);
     * the recording of an answered call is reported there too.
     */
    public static String forward(IncomingCallDecision.ForwardToOwner forward, String statusUrl) {
        Dial dial = new Dial.Builder()
                .number(new com.twilio.twiml.voice.Number.Builder(forward.forwardingNumber()).build())
                .timeout(forward.timeoutSeconds())
                .action(statusUrl)
                .method(HttpMethod.POST)
                .callerId(forward.callerId())
                .record(Dial.Record.RECORD_FROM_ANSWER_DUAL)
                .recordingStatusCallback(statusUrl)
                .recordingStatusCallbackMethod(HttpMethod.POST)
                .recordingStatusCallbackEvents(List.of(Dial.RecordingEvent.COMPLETED))
                .build();
        return new VoiceResponse.Builder().dial(dial).build().toXml();
    }

    public static String notConfigured() {
        return sayAndHangUp("Sorry, this number is not configured yet. Goodbye.");
    }

    /** The caller must never hear Twilio's "application error": an internal failure says this instead. */
    public static String apology() {
        return sayAndHangUp("Sorry, we cannot take your call right now. Please try again in a few minutes.");
    }

    /** A text sent back as the answer to an inbound text. */
    public static String message(String text) {
        return new MessagingResponse.Builder()
                .message(new com.twilio.twiml.messaging.Message.Builder(text).build())
                .build()
                .toXml();
    }

    /** An empty response: nothing more for Twilio to do. */
    /** The answer to most callbacks: built once, since the XML writer costs more than the rest of a request. */
    private static final String EMPTY = new VoiceResponse.Builder().build().toXml();

    public static String empty() {
        return EMPTY;
    }

    private static String sayAndHangUp(String text) {
        return new VoiceResponse.Builder()
                .say(new Say.Builder(text).build())
                .hangup(new Hangup.Builder().build())
                .build()
                .toXml();
    }
}
