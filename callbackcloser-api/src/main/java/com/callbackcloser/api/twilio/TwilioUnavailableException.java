package com.callbackcloser.api.twilio;

import com.callbackcloser.core.port.out.ExternalServiceException;

/** Twilio refused or did not answer a request the application makes directly (not through a core port). */
public final class TwilioUnavailableException extends ExternalServiceException {
    private static final long serialVersionUID = 1L;

    public TwilioUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
