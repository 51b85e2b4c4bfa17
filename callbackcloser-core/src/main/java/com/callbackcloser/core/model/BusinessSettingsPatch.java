package com.callbackcloser.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings an owner changes; null leaves a field as it is, and an empty notify phone removes it.
 *
 * @param serviceLabels the three labels, in order, when they change
 * @param followUpMinutes the caller's silence before the one follow-up; 0 turns follow-ups off
 * @param ownerQuietHours whether texts to the notify phone wait for 8:00 to 21:00 in its local time
 */
public record BusinessSettingsPatch(
        String name,
        String forwardingNumber,
        String notifyPhone,
        Integer missedCallSeconds,
        List<String> serviceLabels,
        String timeZone,
        Integer followUpMinutes,
        Boolean ownerQuietHours,
        Boolean callScreening) {

    /** The settings after this patch, validated; throws {@link InvalidInputException} naming a bad field. */
    public BusinessSettings applyTo(BusinessSettings current) {
        ServiceLabels labels = serviceLabels != null ? ServiceLabels.fromList(serviceLabels) : current.serviceLabels();
        return new BusinessSettings(
                name != null ? name : current.name(),
                forwardingNumber != null ? forwardingNumber : current.forwardingNumber(),
                notifyPhone != null ? notifyPhone : current.notifyPhone(),
                missedCallSeconds != null ? missedCallSeconds : current.missedCallSeconds(),
                labels,
                timeZone != null ? BusinessSettings.timeZone(timeZone) : current.timeZone(),
                new TextTiming(
                        followUpMinutes != null
                                ? followUpMinutes
                                : current.textTiming().followUpMinutes(),
                        ownerQuietHours != null
                                ? ownerQuietHours
                                : current.textTiming().ownerQuietHours()),
                callScreening != null ? callScreening : current.callScreening());
    }

    /** The fields that differ between two settings, for the audit trail. */
    public static List<FieldChange> differences(BusinessSettings before, BusinessSettings after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "name", before.name(), after.name());
        compare(changes, "forwardingNumber", before.forwardingNumber(), after.forwardingNumber());
        compare(changes, "notifyPhone", before.notifyPhone(), after.notifyPhone());
        compare(
                changes,
                "missedCallSeconds",
                String.valueOf(before.missedCallSeconds()),
                String.valueOf(after.missedCallSeconds()));
        compare(changes, "serviceLabels", labels(before.serviceLabels()), labels(after.serviceLabels()));
        compare(changes, "timeZone", before.timeZone().getId(), after.timeZone().getId());
        compare(
                changes,
                "followUpMinutes",
                String.valueOf(before.textTiming().followUpMinutes()),
                String.valueOf(after.textTiming().followUpMinutes()));
        compare(
                changes,
                "ownerQuietHours",
                String.valueOf(before.textTiming().ownerQuietHours()),
                String.valueOf(after.textTiming().ownerQuietHours()));
        compare(
                changes,
                "callScreening",
                String.valueOf(before.callScreening()),
                String.valueOf(after.callScreening()));
        return changes;
    }

    private static String labels(ServiceLabels labels) {
        return labels.first() + " / " + labels.second() + " / " + labels.third();
    }

    private static void compare(List<FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }
}
