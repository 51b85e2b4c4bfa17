package com.callbackcloser.core.port.in;

public interface OpenBillingPortalUseCase {
    /** @return the Stripe billing-portal URL to send the owner to */
    String openPortal(OpenBillingPortal command);
}
