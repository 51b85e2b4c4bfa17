package com.callbackcloser.core.model;

/**
 * A parameter of a read the rules refuse (a malformed date, a period backwards or too long). Unlike a field of
 * something to be stored, nothing was about to change: the request itself is malformed, so it is answered 400,
 * naming the parameter, where {@link InvalidInputException} is a 422.
 */
public class InvalidQueryException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String parameter, String message) {
        super(parameter, message);
    }
}
