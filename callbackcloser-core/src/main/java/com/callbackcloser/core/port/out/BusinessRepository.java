package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.NewBusiness;
import com.callbackcloser.core.model.SubscriptionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface BusinessRepository {

    Optional<Business> findById(UUID id);

    /** The business that owns this Twilio number (E.164). */
    Optional<Business> findByTwilioNumber(String twilioNumber);

    List<Business> listAll();

    /** Fails with {@link DuplicateKeyException} when the Twilio number already belongs to another business. */
    Business create(NewBusiness business, Instant now);

    void updateSubscriptionStatus(UUID id, SubscriptionStatus status, Instant now);
}
