package com.callbackcloser.core.model;

import java.util.Locale;

/** Why missed calls are not being texted right now, if they are not. */
public enum PauseReason {
    NONE("Missed calls are being texted."),
    BILLING_INACTIVE("Texting is paused: the subscription is not active. Missed calls are still recorded."),
    USAGE_LIMIT_REACHED("Texting is paused: this month's conversation limit is reached. Missed calls are still "
            + "recorded; upgrade the plan or wait for the next month."),
    BILLING_REQUIRED("Some missed calls were not texted because of billing; new missed calls are texted again.");

    private final String sentence;

    PauseReason(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
