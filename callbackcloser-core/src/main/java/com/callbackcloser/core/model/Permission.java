package com.callbackcloser.core.model;

/** What a member may do in a business. */
public enum Permission {
    VIEW_BUSINESS,
    EDIT_SETTINGS,
    VIEW_MEMBERS,
    MANAGE_MEMBERS,
    MANAGE_PHONE_NUMBER,
    VIEW_LEADS,
    EDIT_LEAD_STATUS,
    /** Text the caller by hand (a reply from the lead's conversation). */
    REPLY_TO_LEADS,
    VIEW_USAGE,
    MANAGE_BILLING,
    VIEW_AUDIT
}
