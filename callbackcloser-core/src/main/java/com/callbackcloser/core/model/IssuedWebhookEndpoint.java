package com.callbackcloser.core.model;

/** An endpoint with its new signing secret (created or rotated), which the API shows this once. */
public record IssuedWebhookEndpoint(WebhookEndpoint endpoint, String secret) {}
