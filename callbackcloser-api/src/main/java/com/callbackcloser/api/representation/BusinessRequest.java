package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.BusinessSettings;
import com.callbackcloser.core.model.BusinessSettingsPatch;
import com.callbackcloser.core.model.ServiceLabels;
import java.util.List;

/**
 * The settings of a business, for onboarding (POST: name and forwarding number required, the rest defaults)
 * and for changes (PATCH: only the fields sent change; an empty notify phone removes it).
 */
public record BusinessRequest(
        String name,
        String forwardingNumber,
        String notifyPhone,
        Integer missedCallSeconds,
        List<String> serviceLabels,
        String timeZone) {

    public BusinessSettingsPatch toPatch() {
        return new BusinessSettingsPatch(
                name, forwardingNumber, notifyPhone, missedCallSeconds, serviceLabels, timeZone);
    }

    public BusinessSettings toNewSettings() {
        return new BusinessSettings(
                name,
                forwardingNumber,
                notifyPhone,
                missedCallSeconds == null ? Business.DEFAULT_MISSED_CALL_SECONDS : missedCallSeconds,
                serviceLabels == null ? ServiceLabels.DEFAULTS : ServiceLabels.fromList(serviceLabels),
                timeZone == null ? Business.DEFAULT_TIME_ZONE : BusinessSettings.timeZone(timeZone));
    }
}
