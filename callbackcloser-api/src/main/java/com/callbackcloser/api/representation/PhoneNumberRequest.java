package com.callbackcloser.api.representation;

/** Buying: an optional three-digit area code. Connecting: an optional PN… SID (else the first unused number). */
public record PhoneNumberRequest(String areaCode, String phoneNumberSid) {}
