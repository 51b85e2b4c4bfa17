package com.callbackcloser.db.adapter;

import com.callbackcloser.core.port.out.ConsentRepository;
import com.callbackcloser.db.dao.ConsentDao;
import java.time.Instant;
import java.util.UUID;

final class JdbiConsentRepository implements ConsentRepository {
    private final ConsentDao dao;

    JdbiConsentRepository(ConsentDao dao) {
        this.dao = dao;
    }

    @Override
    public boolean isOptedOut(UUID businessId, String phone) {
        return dao.isOptedOut(businessId, phone);
    }

    @Override
    public void recordOptOut(
            UUID businessId, String phone, String phoneRaw, String keyword, String messageSid, Instant at) {
        dao.record(businessId, phone, true, phoneRaw, keyword, messageSid, at);
    }

    @Override
    public void recordOptIn(
            UUID businessId, String phone, String phoneRaw, String keyword, String messageSid, Instant at) {
        dao.record(businessId, phone, false, phoneRaw, keyword, messageSid, at);
    }
}
