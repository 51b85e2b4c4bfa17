package com.callbackcloser.core.port.in;

public interface StartCheckoutUseCase {
    /** Returns the Stripe Checkout URL to send the owner to. */
    String startCheckout(StartCheckout command);
}
