package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.OpenInterval;

/** One open interval as the owner API writes it: {"opens":"08:00","closes":"17:00"}. */
public record OpenIntervalBody(String opens, String closes) {

    public OpenInterval toInterval(String field) {
        return OpenInterval.parse(field, opens, closes);
    }

    public static OpenIntervalBody of(OpenInterval interval) {
        return new OpenIntervalBody(interval.opensText(), interval.closesText());
    }
}
