package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.RefusedException;

/** Checkout sells the Starter and Pro prices only, and only those configured. */
public class PlanNotForSaleException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public PlanNotForSaleException(PlanTier plan) {
        super("the " + plan.displayName() + " plan cannot be bought (Starter and Pro with a configured price only)");
    }
}
