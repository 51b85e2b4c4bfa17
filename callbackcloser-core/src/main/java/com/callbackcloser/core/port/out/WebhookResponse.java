package com.callbackcloser.core.port.out;

/**
 * What came back from one POST.
 *
 * @param statusCode the HTTP status; null when no answer came (refused, reset, timed out, address not allowed)
 * @param error why there was no answer, or a short excerpt of an error answer
 */
public record WebhookResponse(Integer statusCode, String error, long durationMillis) {}
