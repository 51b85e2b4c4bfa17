package com.callbackcloser.api.representation;

/** A webhook we could not process now; {@code retryable} tells Twilio's retry (and a human) to try again. */
public record WebhookFailure(String error, boolean retryable, String route) {}
