package com.callbackcloser.core.port.out;

/** A Stripe subscription as fetched from Stripe; {@code businessId} is its metadata entry, if any. */
public record SubscriptionSnapshot(String id, String customerId, String status, String priceId, String businessId) {}
