package com.callbackcloser.core.port.out;

import java.util.UUID;

/** Where an owner opens a lead (built from the public app URL). */
public interface LeadLinks {
    String linkTo(UUID businessId, UUID leadId);
}
