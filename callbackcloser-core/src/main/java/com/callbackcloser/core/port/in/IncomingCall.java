package com.callbackcloser.core.port.in;

/** Twilio's voice webhook: a call is ringing the business's Twilio number. */
public record IncomingCall(String callSid, String parentCallSid, String from, String to, String rawPayloadJson) {}
