package com.callbackcloser.core.port.in;

/**
 * Twilio asks what the forwarded leg hears once it is picked up (the {@code <Number url>} request). It is made on
 * the leg itself: {@code callSid} is the forwarded leg's, {@code parentCallSid} the caller's call, the one we
 * stored from the voice webhook.
 */
public record ScreenCall(String parentCallSid, String callSid) {}
