package com.callbackcloser.api.errors;

/** Dropwizard's error JSON with the refused field named, for 422s. */
public record FieldErrorMessage(int code, String message, String field) {}
