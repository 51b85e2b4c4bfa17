package com.callbackcloser.api.representation;

/** A member to add (or whose role to change): the identity provider's user id and OWNER, ADMIN or AGENT. */
public record MemberRequest(String subject, String role) {}
