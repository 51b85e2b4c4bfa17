package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.BusinessSettings;
import com.callbackcloser.core.model.BusinessSettingsPatch;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.TextTiming;
import java.util.List;

/**
 * The settings of a business, for onboarding (POST: name and forwarding number required, the rest defaults)
 * and for changes (PATCH: only the fields sent change; an empty notify phone removes it).
 *
 * @param followUpMinutes a quiet caller's one follow-up after this many minutes: 15 to 1440, or 0 for none
 * @param ownerQuietHours texts to the notify phone wait for 8:00 to 21:00 in its local time
 */
public record BusinessRequest(
        String name,
        String forwardingNumber,
        String notifyPhone,
        Integer missedCallSeconds,
        List<String> serviceLabels,
        String timeZone,
        Integer followUpMinutes,
        Boolean ownerQuietHours) {

    public BusinessSettingsPatch toPatch() {
        return new BusinessSettingsPatch(
                name,
                forwardingNumber,
                notifyPhone,
                missedCallSeconds,
                serviceLabels,
                timeZone,
                followUpMinutes,
                ownerQuietHours);
    }

    public BusinessSettings toNewSettings() {
        return new BusinessSettings(
                name,
                forwardingNumber,
                notifyPhone,
                missedCallSeconds == null ? Business.DEFAULT_MISSED_CALL_SECONDS : missedCallSeconds,
                serviceLabels == null ? ServiceLabels.DEFAULTS : ServiceLabels.fromList(serviceLabels),
                timeZone == null ? Business.DEFAULT_TIME_ZONE : BusinessSettings.timeZone(timeZone),
                new TextTiming(
                        followUpMinutes == null ? TextTiming.DEFAULTS.followUpMinutes() : followUpMinutes,
                        ownerQuietHours == null ? TextTiming.DEFAULTS.ownerQuietHours() : ownerQuietHours));
    }
}
