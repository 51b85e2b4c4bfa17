package com.callbackcloser.core.port.in;

/** A text to a business's Twilio number, as Twilio's messaging webhook delivers it. */
public record InboundSms(String messageSid, String from, String to, String body, String rawPayloadJson) {

    /** The MessageSid is what makes a retried or replayed delivery recognisable: without one, nothing is. */
    public InboundSms {
        if (messageSid == null || messageSid.isBlank()) {
            throw new IllegalArgumentException("an inbound text needs its MessageSid");
        }
    }
}
