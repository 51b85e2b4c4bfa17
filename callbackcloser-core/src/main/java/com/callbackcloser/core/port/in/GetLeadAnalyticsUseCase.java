package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.LeadAnalytics;

public interface GetLeadAnalyticsUseCase {
    LeadAnalytics leadAnalytics(LeadAnalyticsQuery query);
}
