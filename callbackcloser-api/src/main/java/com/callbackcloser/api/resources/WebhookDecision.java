package com.callbackcloser.api.resources;

/** Every webhook answer says what was decided, so an operator (or a test) need not read the logs. */
final class WebhookDecision {
    static final String HEADER = "X-CallbackCloser-Decision";

    private WebhookDecision() {}
}
