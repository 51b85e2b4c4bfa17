package com.callbackcloser.core.port.out;

import java.time.Instant;
import java.util.UUID;

/** SMS consent per (business, phone): who said STOP to whom. */
public interface ConsentRepository {

    boolean isOptedOut(UUID businessId, String phone);

    void recordOptOut(UUID businessId, String phone, String phoneRaw, String keyword, String messageSid, Instant at);

    void recordOptIn(UUID businessId, String phone, String phoneRaw, String keyword, String messageSid, Instant at);
}
