package com.callbackcloser.core.port.in;

import java.util.Locale;

/** The decision taken for one status callback; logged and counted. */
public enum DialStatusOutcome {
    RECORDING_STORED,
    MISSING_FIELDS,
    UNKNOWN_BUSINESS,
    ANSWERED,
    /** A DialCallStatus that is neither answered nor missed: the call is stored, nothing else happens. */
    NOT_FINAL,
    /** A retry, or a second callback, for a lead whose conversation has already started. */
    ALREADY_TEXTED,
    BILLING_INACTIVE,
    /** This month's conversations are used up: the lead is billing-required, the owner told once. */
    USAGE_LIMIT_REACHED,
    NO_TWILIO_NUMBER,
    /** Withheld or invalid caller ID: the lead is kept, but there is nobody to text. */
    CALLER_NOT_TEXTABLE,
    /** The caller opted out of this business's texts: the text is stored as suppressed. */
    TEXT_SUPPRESSED,
    TEXT_QUEUED;

    public String logName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
