package com.callbackcloser.core.port.out;

/** A number in the Twilio account: its PN... SID and the number in E.164. */
public record ProvisionedNumber(String sid, String phoneNumber) {}
