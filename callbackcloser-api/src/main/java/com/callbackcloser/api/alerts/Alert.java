package com.callbackcloser.api.alerts;

import java.time.Instant;

/**
 * One error log event, as much of it as an alert needs, taken on the logging thread (the event itself is not
 * kept). The fingerprint says which errors are "the same": logger, exception class and the message's template
 * (before its arguments are filled in), so a thousand failures of one statement are one error.
 */
record Alert(
        String fingerprint,
        String level,
        String logger,
        String message,
        String exception,
        String correlationId,
        Instant time) {

    static String fingerprint(String logger, String exceptionClass, String messageTemplate) {
        return logger + '|' + (exceptionClass == null ? "" : exceptionClass) + '|' + messageTemplate;
    }
}
