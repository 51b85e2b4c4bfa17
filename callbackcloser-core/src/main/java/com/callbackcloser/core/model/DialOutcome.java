package com.callbackcloser.core.model;

import java.util.Locale;

/** What Twilio's DialCallStatus says about the forwarded leg. */
public enum DialOutcome {
    ANSWERED,
    MISSED,
    /** A status we do not act on (e.g. still ringing, or one Twilio adds later). */
    UNKNOWN;

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
