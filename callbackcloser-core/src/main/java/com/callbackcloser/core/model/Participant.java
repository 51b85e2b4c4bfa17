package com.callbackcloser.core.model;

/** Who is on the other end of a message: the caller (lead) or the business owner. */
public enum Participant {
    LEAD,
    OWNER
}
