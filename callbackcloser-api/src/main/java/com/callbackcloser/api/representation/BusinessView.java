package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.BusinessWithRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A business as its member sees it. */
public record BusinessView(
        UUID id,
        String name,
        String role,
        String forwardingNumber,
        String notifyPhone,
        int missedCallSeconds,
        List<String> serviceLabels,
        String timeZone,
        int followUpMinutes,
        boolean ownerQuietHours,
        boolean callScreening,
        String twilioNumber,
        String twilioNumberSid,
        SubscriptionView subscription,
        Instant createdAt) {

    public record SubscriptionView(String status, String priceId, Instant statusChangedAt) {}

    public static BusinessView of(BusinessWithRole withRole) {
        Business b = withRole.business();
        return new BusinessView(
                b.id(),
                b.name(),
                withRole.role().name(),
                b.forwardingNumber(),
                b.notifyPhone(),
                b.missedCallSeconds(),
                List.of(
                        b.serviceLabels().first(),
                        b.serviceLabels().second(),
                        b.serviceLabels().third()),
                b.timeZone().getId(),
                b.textTiming().followUpMinutes(),
                b.textTiming().ownerQuietHours(),
                b.callScreening(),
                b.twilioNumber(),
                b.twilioNumberSid(),
                new SubscriptionView(
                        b.subscription().status().name(),
                        b.subscription().priceId(),
                        b.subscription().statusChangedAt()),
                b.createdAt());
    }
}
