package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.BusinessSettings;
import com.callbackcloser.core.model.NewBusiness;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.port.out.BusinessRepository;
import com.callbackcloser.core.port.out.StoredSubscription;
import com.callbackcloser.core.port.out.SubscriptionChange;
import com.callbackcloser.db.dao.BusinessDao;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class JdbiBusinessRepository implements BusinessRepository {
    private final BusinessDao dao;

    JdbiBusinessRepository(BusinessDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<Business> findById(UUID id) {
        return dao.findById(id);
    }

    @Override
    public Optional<Business> findByTwilioNumber(String twilioNumber) {
        return dao.findByTwilioNumber(twilioNumber);
    }

    @Override
    public Optional<Business> findByCallSid(String callSid) {
        return dao.findByCallSid(callSid);
    }

    @Override
    public List<Business> listAll() {
        return dao.listAll();
    }

    @Override
    public List<Business> listWithTwilioNumber(int limit) {
        return dao.listWithTwilioNumber(limit);
    }

    @Override
    public Business create(NewBusiness business, Instant now) {
        BusinessSettings settings = business.settings();
        return UniqueViolations.translate(
                "a business with this Twilio number already exists",
                () -> dao.insert(
                        settings.name(),
                        settings.forwardingNumber(),
                        settings.notifyPhone(),
                        settings.missedCallSeconds(),
                        settings.serviceLabels().first(),
                        settings.serviceLabels().second(),
                        settings.serviceLabels().third(),
                        settings.timeZone().getId(),
                        settings.textTiming().followUpMinutes(),
                        settings.textTiming().ownerQuietHours(),
                        settings.callScreening(),
                        business.twilioNumber(),
                        business.subscriptionStatus().name(),
                        business.manualPlan() == null
                                ? null
                                : business.manualPlan().manualPriceId(),
                        now));
    }

    @Override
    public void updateSubscriptionStatus(UUID id, SubscriptionStatus status, Instant now) {
        dao.updateSubscriptionStatus(id, status.name(), now);
    }

    @Override
    public void setManualSubscription(UUID id, SubscriptionStatus status, PlanTier plan, Instant now) {
        dao.setManualSubscription(id, status.name(), plan.manualPriceId(), now);
    }

    @Override
    public Optional<Business> lock(UUID id) {
        return dao.lock(id);
    }

    @Override
    public Optional<Business> findByStripeCustomerId(String customerId) {
        return dao.findByStripeCustomerId(customerId);
    }

    @Override
    public Optional<StoredSubscription> findSubscription(UUID id) {
        return dao.findSubscription(id);
    }

    @Override
    public Optional<StoredSubscription> lockSubscription(UUID id) {
        return dao.lockSubscription(id);
    }

    @Override
    public boolean applySubscription(UUID id, SubscriptionChange change, Instant eventCreated, Instant now) {
        return UniqueViolations.translate(
                        "that Stripe customer belongs to another business",
                        () -> dao.applySubscription(
                                id,
                                change.status().name(),
                                change.customerId(),
                                change.subscriptionId(),
                                change.priceId(),
                                eventCreated,
                                now))
                == 1;
    }

    @Override
    public String attachStripeCustomer(UUID id, String customerId, Instant now) {
        return UniqueViolations.translate(
                "that Stripe customer belongs to another business",
                () -> dao.attachStripeCustomer(id, customerId, now));
    }

    @Override
    public void updateSettings(UUID id, BusinessSettings settings, Instant now) {
        dao.updateSettings(
                id,
                settings.name(),
                settings.forwardingNumber(),
                settings.notifyPhone(),
                settings.missedCallSeconds(),
                settings.serviceLabels().first(),
                settings.serviceLabels().second(),
                settings.serviceLabels().third(),
                settings.timeZone().getId(),
                settings.textTiming().followUpMinutes(),
                settings.textTiming().ownerQuietHours(),
                settings.callScreening(),
                now);
    }

    @Override
    public void attachTwilioNumber(UUID id, String phoneNumber, String phoneNumberSid, Instant now) {
        UniqueViolations.translate("that Twilio number belongs to another business", () -> {
            dao.attachTwilioNumber(id, phoneNumber, phoneNumberSid, now);
            return null;
        });
    }

    @Override
    public void claimTwilioNumber(UUID id, String phoneNumber, String phoneNumberSid) {
        UniqueViolations.translate("that Twilio number belongs to another business", () -> {
            dao.claimTwilioNumber(id, phoneNumber, phoneNumberSid);
            return null;
        });
    }

    @Override
    public boolean releaseUnsyncedTwilioNumber(UUID id, String phoneNumberSid) {
        return dao.releaseUnsyncedTwilioNumber(id, phoneNumberSid) > 0;
    }

    @Override
    public void markWebhooksSynced(UUID id, Instant now) {
        dao.markWebhooksSynced(id, now);
    }
}
