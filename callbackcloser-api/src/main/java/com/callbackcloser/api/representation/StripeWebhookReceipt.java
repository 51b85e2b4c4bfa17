package com.callbackcloser.api.representation;

/** What we tell Stripe (and whoever reads its delivery log) about an event we accepted. */
public record StripeWebhookReceipt(boolean received, String outcome) {}
