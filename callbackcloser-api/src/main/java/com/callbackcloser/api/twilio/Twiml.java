package com.callbackcloser.api.twilio;

import com.callbackcloser.core.port.in.IncomingCallDecision;
import com.callbackcloser.core.port.in.ScreenResult;
import com.callbackcloser.core.port.in.ScreeningPrompt;
import com.twilio.http.HttpMethod;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import java.util.List;

/** The TwiML documents we answer Twilio with, built with twilio-java so they are always well-formed. */
public final class Twiml {
    public static final String MEDIA_TYPE = "application/xml";

    /** Seconds the whisper waits for the key after the prompt: a person has it by then; voicemail never will. */
    static final int SCREEN_TIMEOUT_SECONDS = 5;

    private Twiml() {}

    /**
     * Ring the owner. When the Dial ends Twilio posts its result to the status URL (the missed-call check);
     * the recording of an answered call is reported there too. A screened leg first runs the whisper at the
     * screen URL, after it is picked up and before it is connected.
     */
    public static String forward(IncomingCallDecision.ForwardToOwner forward, String statusUrl, String screenUrl) {
        com.twilio.twiml.voice.Number.Builder number =
                new com.twilio.twiml.voice.Number.Builder(forward.forwardingNumber());
        if (forward.screened()) {
            number.url(screenUrl).method(HttpMethod.POST);
        }
        Dial dial = new Dial.Builder()
                .number(number.build())
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

    /**
     * What a screened leg hears once picked up: whose call it is and the key that takes it. The key press goes to
     * the result URL; no key before the timeout (carrier voicemail never presses one) hangs the leg up, and the
     * Dial's result then counts as missed. Only {@code <Say>}, {@code <Gather>} and {@code <Hangup>}: Twilio runs
     * little else on a {@code <Number url>}.
     */
    public static String whisper(ScreeningPrompt prompt, String resultUrl) {
        String whose = prompt.knowsBusiness() ? "Call for " + prompt.businessName() + ". " : "";
        Gather gather = new Gather.Builder()
                .numDigits(1)
                .timeout(SCREEN_TIMEOUT_SECONDS)
                .action(resultUrl)
                .method(HttpMethod.POST)
                .say(new Say.Builder(whose + "Press " + ScreenResult.ACCEPT_KEY + " to take this call.").build())
                .build();
        return new VoiceResponse.Builder()
                .gather(gather)
                .hangup(new Hangup.Builder().build())
                .build()
                .toXml();
    }

    /** The answer to the whisper's key press: the empty document ends the whisper and connects the leg. */
    public static String connect() {
        return EMPTY;
    }

    /** Ends the current leg (on a forwarded leg: the caller's Dial ends, and its result is posted). */
    public static String hangUp() {
        return HANG_UP;
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

    private static final String HANG_UP = new VoiceResponse.Builder()
            .hangup(new Hangup.Builder().build())
            .build()
            .toXml();

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
