package com.callbackcloser.core.port.in;

public interface OpenBillingPortalUseCase {
    /** Returns the Stripe billing-portal URL to send the owner to. */
    String openPortal(OpenBillingPortal command);
}
