package com.callbackcloser.core.port.out;

/** Stripe refused a request or could not be reached. */
public class BillingProviderException extends ExternalServiceException {
    private static final long serialVersionUID = 1L;

    public BillingProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
