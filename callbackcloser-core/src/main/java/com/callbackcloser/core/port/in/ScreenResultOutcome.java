package com.callbackcloser.core.port.in;

import java.util.Locale;

/** The decision taken for one screening result; logged and counted. */
public enum ScreenResultOutcome {
    /** The key press is recorded: the call counts as answered, the leg is connected. */
    ACCEPTED,
    /** A retry of a key press already recorded: connected, nothing changes. */
    ALREADY_ACCEPTED,
    /** Another key, or none: the leg is hung up and the call counts as missed. */
    DECLINED,
    /**
     * The Dial's result was recorded first (the caller hung up while the owner reached for the key): the call is
     * already decided, missed, and stays so; the leg is hung up.
     */
    TOO_LATE,
    /**
     * No call with that parent CallSid: nothing can be recorded, and the leg is connected anyway, since refusing a
     * person who pressed the key would drop a live call over a bookkeeping gap.
     */
    UNKNOWN_CALL;

    /** Whether the forwarded leg is connected to the caller (else hung up). */
    public boolean connects() {
        return this == ACCEPTED || this == ALREADY_ACCEPTED || this == UNKNOWN_CALL;
    }

    public String logName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
