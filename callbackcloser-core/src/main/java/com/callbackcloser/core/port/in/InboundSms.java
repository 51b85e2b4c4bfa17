package com.callbackcloser.core.port.in;

/** A text to a business's Twilio number, as Twilio's messaging webhook delivers it. */
public record InboundSms(String messageSid, String from, String to, String body, String rawPayloadJson) {}
