package com.callbackcloser.core.service;

import java.util.Locale;

/** What a worker did with one claimed webhook delivery; logged and counted. */
public enum WebhookOutcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** No answer, a timeout, 408, 429 or 5xx, with attempts left: tried again later. */
    RETRY_SCHEDULED,
    /** The same, with the attempts used up. */
    FAILED_AFTER_RETRIES,
    /** Any other answer (a 4xx, a redirect): the receiver refused it, and would again. */
    FAILED_REFUSED,
    /** The host now resolves to an internal address: never called. */
    FAILED_ADDRESS_NOT_ALLOWED,
    /** The endpoint was disabled after the delivery was queued. */
    CANCELED_ENDPOINT_DISABLED;

    public String logName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
