package com.callbackcloser.core.model;

/** A new API key with its secret, which is shown this once and stored only as a hash. */
public record IssuedApiKey(ApiKey key, String secret) {}
