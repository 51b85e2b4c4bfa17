package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.AnalyticsPeriod;
import com.callbackcloser.core.model.LeadFunnel;
import java.util.UUID;

/** Numbers measured over a business's rows, computed where the rows are. */
public interface AnalyticsRepository {

    /**
     * The funnel of the business's missed calls that came in during the period, each followed to today: a reply
     * after the period still counts for the call it answers.
     */
    LeadFunnel leadFunnel(UUID businessId, AnalyticsPeriod period);
}
