package com.callbackcloser.core.model;

/** The texts a business may word itself; every other text (the questions, the keyword answers) is ours. */
public enum TemplateKind {
    /** The first text to a caller we missed while open (or when no hours are set). */
    FIRST_TEXT("firstText", true),
    /** The first text to a caller we missed outside the opening hours. */
    AFTER_HOURS_TEXT("afterHoursText", true),
    /** The last text of the conversation, once the caller has answered every question. */
    COMPLETION_TEXT("completionText", false);

    private final String field;
    private final boolean firstMessage;

    TemplateKind(String field, boolean firstMessage) {
        this.field = field;
        this.firstMessage = firstMessage;
    }

    /** Its name in the owner API, and the field a refusal names. */
    public String field() {
        return field;
    }

    /**
     * Whether this text can be the first one a number ever gets from the business. Whether it is depends on the
     * caller, so such a template must always say how to opt out.
     */
    public boolean firstMessage() {
        return firstMessage;
    }
}
