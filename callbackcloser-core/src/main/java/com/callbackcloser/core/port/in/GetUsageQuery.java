package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.Usage;
import java.util.UUID;

public interface GetUsageQuery {
    Usage usage(UUID businessId);
}
