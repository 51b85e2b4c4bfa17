package com.callbackcloser.core.model;

/** Where a lead stands in the owner's pipeline. */
public enum LeadStatus {
    NEW,
    QUALIFIED,
    CONTACTED,
    BOOKED
}
