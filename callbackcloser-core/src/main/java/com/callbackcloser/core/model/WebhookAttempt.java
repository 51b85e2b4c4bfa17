package com.callbackcloser.core.model;

import java.time.Instant;

/**
 * One HTTP attempt of a delivery.
 *
 * @param statusCode the receiver's answer; null when there was none (connection refused, timeout)
 */
public record WebhookAttempt(int attempt, Instant attemptedAt, Integer statusCode, long durationMillis, String error) {}
