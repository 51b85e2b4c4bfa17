package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.RefusedException;
import java.util.UUID;

/** The billing portal needs a Stripe customer, which a business gets at its first checkout. */
public class NoBillingAccountException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public NoBillingAccountException(UUID businessId) {
        super("business " + businessId + " has no billing account yet; start a checkout first");
    }
}
