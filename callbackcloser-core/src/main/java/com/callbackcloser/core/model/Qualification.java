package com.callbackcloser.core.model;

/** What the caller has told us so far; each field is null until its step is answered. */
public record Qualification(
        String service, String serviceRaw, String urgency, String zip, String bestTime, String contactName) {

    public static final Qualification EMPTY = new Qualification(null, null, null, null, null, null);

    public Qualification withService(String service, String serviceRaw) {
        return new Qualification(service, serviceRaw, urgency, zip, bestTime, contactName);
    }

    public Qualification withUrgency(String urgency) {
        return new Qualification(service, serviceRaw, urgency, zip, bestTime, contactName);
    }

    public Qualification withZip(String zip) {
        return new Qualification(service, serviceRaw, urgency, zip, bestTime, contactName);
    }

    public Qualification withBestTime(String bestTime) {
        return new Qualification(service, serviceRaw, urgency, zip, bestTime, contactName);
    }

    public Qualification withContactName(String contactName) {
        return new Qualification(service, serviceRaw, urgency, zip, bestTime, contactName);
    }
}
