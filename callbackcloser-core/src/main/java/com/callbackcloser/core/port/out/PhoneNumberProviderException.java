package com.callbackcloser.core.port.out;

/** Twilio refused a number operation or could not be reached; the message is Twilio's. */
public class PhoneNumberProviderException extends ExternalServiceException {
    private static final long serialVersionUID = 1L;

    public PhoneNumberProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
