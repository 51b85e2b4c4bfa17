package com.callbackcloser.core.port.in;

import java.util.Locale;

public enum BillingEventOutcome {
    APPLIED,
    /** Created before the event last applied to this business: a newer status stays. */
    STALE,
    /** This event id was handled before (Stripe redelivers): acknowledged, no effect. */
    DUPLICATE,
    UNKNOWN_BUSINESS,
    /** A type we do not subscribe to act on: acknowledged. */
    IGNORED;

    public String logName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
