package com.callbackcloser.core.port.in;

import java.util.Locale;

public enum BillingEventOutcome {
    /** The business's subscription was stored as Stripe has it, and that changed something. */
    APPLIED,
    /** Stripe's subscription, fetched, is what we had stored: nothing changed (an event late or redundant). */
    UNCHANGED,
    /** About a subscription that is not the business's current one (an old one ending, its invoices): no effect. */
    OTHER_SUBSCRIPTION,
    /** This event id was handled before (Stripe redelivers): acknowledged, no effect. */
    DUPLICATE,
    UNKNOWN_BUSINESS,
    /** A type we do not act on, or an event about no subscription (a one-off invoice): acknowledged. */
    IGNORED;

    public String logName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
