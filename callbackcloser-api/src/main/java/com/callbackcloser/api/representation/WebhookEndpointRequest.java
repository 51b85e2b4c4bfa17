package com.callbackcloser.api.representation;

import java.util.List;

/** A new endpoint: where to POST, which events ({@code lead.created}, …), and a note for the owner. */
public record WebhookEndpointRequest(String url, List<String> events, String description) {}
