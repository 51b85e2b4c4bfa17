package com.callbackcloser.core.port.in;

import java.util.Locale;

/** The decision taken for one inbound text; logged and counted. */
public enum InboundSmsOutcome {
    UNKNOWN_BUSINESS,
    /** A MessageSid seen before (a Twilio retry or a replay), keyword or not: nothing changes, nothing is answered. */
    DUPLICATE,
    OPTED_OUT,
    OPTED_IN,
    HELP,
    /** Nobody we know: the text is kept, nothing is sent. */
    NO_LEAD,
    BILLING_INACTIVE,
    BILLING_REQUIRED,
    /** A conversation that never started cannot start now: this month's conversations are used up. */
    USAGE_LIMIT_REACHED,
    NO_TWILIO_NUMBER,
    /** Someone of the business has texted this caller by hand: a person is talking, the automation stands down. */
    OWNER_CONVERSING,
    ANSWER_ACCEPTED,
    ANSWER_NOT_UNDERSTOOD,
    CONVERSATION_COMPLETED,
    ALREADY_COMPLETED;

    public String logName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
