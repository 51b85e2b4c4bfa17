package com.callbackcloser.core.model;

/** What the caller has told us so far; each field is null until its step is answered. */
public record Qualification(
        String service, String serviceRaw, String urgency, String zip, String bestTime, String contactName) {

    public static final Qualification EMPTY = new Qualification(null, null, null, null, null, null);
}
