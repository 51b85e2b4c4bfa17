package com.callbackcloser.api.representation;

import java.util.List;

/** A date with hours of its own: no intervals (or none given) is closed all day. */
public record DateHoursBody(String date, List<OpenIntervalBody> hours) {}
