package com.callbackcloser.core.model;

/** A new endpoint with its signing secret, which the API shows this once. */
public record IssuedWebhookEndpoint(WebhookEndpoint endpoint, String secret) {}
