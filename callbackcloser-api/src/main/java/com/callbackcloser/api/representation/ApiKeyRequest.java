package com.callbackcloser.api.representation;

/** A name to recognise the key by, e.g. "Zapier". */
public record ApiKeyRequest(String name) {}
