package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.HoursSettings;
import com.callbackcloser.core.model.OpeningHours;
import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A business's opening hours. Not configured: always open, {@code weekly} and {@code exceptions} are null.
 *
 * @param openNow whether a call missed now gets the first text (true) or the after-hours text (false)
 */
public record OpeningHoursView(
        boolean configured,
        String timeZone,
        boolean openNow,
        Map<String, List<OpenIntervalBody>> weekly,
        List<DateHoursBody> exceptions) {

    public static OpeningHoursView of(HoursSettings settings) {
        if (settings.hours().isEmpty()) {
            return new OpeningHoursView(false, settings.timeZone().getId(), settings.openNow(), null, null);
        }
        OpeningHours hours = settings.hours().get();
        Map<String, List<OpenIntervalBody>> weekly = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(
                    day.name().toLowerCase(Locale.ROOT),
                    hours.weekly().getOrDefault(day, List.of()).stream()
                            .map(OpenIntervalBody::of)
                            .toList());
        }
        List<DateHoursBody> exceptions = hours.exceptions().entrySet().stream()
                .map(entry -> new DateHoursBody(
                        entry.getKey().toString(),
                        entry.getValue().stream().map(OpenIntervalBody::of).toList()))
                .toList();
        return new OpeningHoursView(true, settings.timeZone().getId(), settings.openNow(), weekly, exceptions);
    }
}
