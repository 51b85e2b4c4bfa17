package com.callbackcloser.core.port.out;

import java.time.Instant;

/**
 * A Stripe subscription as fetched from Stripe; {@code businessId} is its metadata entry, if any, and
 * {@code created} when Stripe created it (null if it did not say).
 */
public record SubscriptionSnapshot(
        String id, String customerId, String status, String priceId, String businessId, Instant created) {}
