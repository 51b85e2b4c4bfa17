package com.callbackcloser.api.representation;

/** A text to the lead's caller, typed by a member of the business (at most 1600 characters). */
public record ReplyRequest(String body) {}
