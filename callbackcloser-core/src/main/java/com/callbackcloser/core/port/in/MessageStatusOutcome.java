package com.callbackcloser.core.port.in;

import java.util.Locale;

public enum MessageStatusOutcome {
    UPDATED,
    /** Older than what is stored (callbacks can arrive out of order): ignored. */
    OUT_OF_ORDER,
    UNKNOWN_MESSAGE;

    public String logName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
