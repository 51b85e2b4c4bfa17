package com.callbackcloser.core.port.in;

public interface HandleBillingEventUseCase {
    BillingEventOutcome onBillingEvent(BillingEvent event);
}
