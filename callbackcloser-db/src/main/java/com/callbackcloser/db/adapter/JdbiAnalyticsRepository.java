package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.AnalyticsPeriod;
import com.callbackcloser.core.model.LeadFunnel;
import com.callbackcloser.core.port.out.AnalyticsRepository;
import com.callbackcloser.db.dao.AnalyticsDao;
import java.util.UUID;

final class JdbiAnalyticsRepository implements AnalyticsRepository {
    private final AnalyticsDao dao;

    JdbiAnalyticsRepository(AnalyticsDao dao) {
        this.dao = dao;
    }

    @Override
    public LeadFunnel leadFunnel(UUID businessId, AnalyticsPeriod period) {
        return dao.leadFunnel(businessId, period.start(), period.end());
    }
}
