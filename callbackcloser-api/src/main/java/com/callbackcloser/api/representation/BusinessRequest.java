package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.BusinessSettings;
import com.callbackcloser.core.model.BusinessSettingsPatch;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.TextTiming;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The settings of a business, for onboarding (POST: name and forwarding number required, the rest defaults)
 * and for changes (PATCH: only the fields sent change; an empty notify phone removes it). Call screening is off
 * unless sent as {@code true}.
 *
 * @param followUpMinutes a quiet caller's one follow-up after this many minutes: 15 to 1440, or 0 for none
 * @param ownerQuietHours texts to the notify phone wait for 8:00 to 21:00 in its local time
 * @param callScreening a JSON {@code true} or {@code false}; read as any JSON value and checked here, because
 *     Jackson would take {@code 2}, {@code "true"} and {@code ""} for a Boolean without a word, and a switch that
 *     changes what the owner hears on every call should only move when asked plainly
 */
public record BusinessRequest(
        String name,
        String forwardingNumber,
        String notifyPhone,
        Integer missedCallSeconds,
        List<String> serviceLabels,
        String timeZone,
        Integer followUpMinutes,
        Boolean ownerQuietHours,

        @Schema(type = "boolean", description = "the forwarded call first hears \"press 1 to take this call\"")
        Object callScreening) {

    public BusinessSettingsPatch toPatch() {
        return new BusinessSettingsPatch(
                name,
                forwardingNumber,
                notifyPhone,
                missedCallSeconds,
                serviceLabels,
                timeZone,
                followUpMinutes,
                ownerQuietHours,
                callScreening(callScreening));
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
                        ownerQuietHours == null ? TextTiming.DEFAULTS.ownerQuietHours() : ownerQuietHours),
                Boolean.TRUE.equals(callScreening(callScreening)));
    }

    /** The switch as sent: true, false, or null for "not sent". */
    private static Boolean callScreening(Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new InvalidInputException("callScreening", "call screening is true or false");
    }
}
