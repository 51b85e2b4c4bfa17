package com.callbackcloser.core.model;

/** A field the rules refuse, named so a form can show the message beside it. */
public class InvalidInputException extends RefusedException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
