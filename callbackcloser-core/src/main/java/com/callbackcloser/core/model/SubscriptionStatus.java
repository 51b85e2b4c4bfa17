package com.callbackcloser.core.model;

public enum SubscriptionStatus {
    INACTIVE,
    ACTIVE,
    PAST_DUE,
    CANCELED
}
