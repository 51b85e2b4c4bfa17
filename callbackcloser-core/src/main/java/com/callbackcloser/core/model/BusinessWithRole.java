package com.callbackcloser.core.model;

/** A business as one of its members sees it: with that member's role. */
public record BusinessWithRole(Business business, Role role) {}
