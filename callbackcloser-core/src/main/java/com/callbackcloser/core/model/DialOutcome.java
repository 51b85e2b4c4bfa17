package com.callbackcloser.core.model;

import java.util.Locale;

/** What Twilio's DialCallStatus says about the forwarded leg. */
public enum DialOutcome {
    ANSWERED,
    MISSED,
    /** A status we do not act on (e.g. still ringing, or one Twilio adds later). */
    UNKNOWN;

    /**
     * Answered or missed, from the Dial's status and what the whisper established. A screened leg that Twilio
     * reports {@code completed} without a recorded key press was picked up by voicemail (or let go by the person
     * who heard the prompt), so the caller is owed a text: it is missed. The key press never turns a Dial Twilio
     * reports as not answered into an answered one.
     */
    public static DialOutcome of(String dialCallStatus, Screening screening) {
        DialOutcome reported = fromDialCallStatus(dialCallStatus);
        if (reported == ANSWERED && screening == Screening.NO_KEY_PRESSED) {
            return MISSED;
        }
        return reported;
    }

    /** What the Dial's status alone says, as when the leg was not screened. */
    public static DialOutcome fromDialCallStatus(String dialCallStatus) {
        if (dialCallStatus == null) {
            return UNKNOWN;
        }
        return switch (dialCallStatus.strip().toLowerCase(Locale.ROOT)) {
            case "completed", "answered" -> ANSWERED;
            case "no-answer", "busy", "failed", "canceled" -> MISSED;
            default -> UNKNOWN;
        };
    }

    public CallStatus callStatus() {
        return switch (this) {
            case ANSWERED -> CallStatus.ANSWERED;
            case MISSED -> CallStatus.MISSED;
            case UNKNOWN -> CallStatus.RECEIVED;
        };
    }
}
