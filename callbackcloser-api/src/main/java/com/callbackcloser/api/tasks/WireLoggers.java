package com.callbackcloser.api.tasks;

import ch.qos.logback.classic.Level;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The HTTP clients' header and wire loggers. At DEBUG they print every request as sent, Twilio's
 * {@code Authorization: Basic} (the account SID and auth token) included, and message bodies with phone numbers.
 * They are pinned at INFO, so raising a parent (or ROOT) leaves them quiet, and the log-level task refuses them.
 */
public final class WireLoggers {
    static final List<String> NAMES = List.of(
            "org.apache.hc.client5.http.headers",
            "org.apache.hc.client5.http.wire",
            "org.apache.http.headers",
            "org.apache.http.wire");

    private WireLoggers() {}

    /** Gives each its own level, so it no longer inherits one a parent is given later. */
    public static void pin() {
        for (String name : NAMES) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(Level.INFO);
            }
        }
    }

    static boolean isWireLogger(String name) {
        return NAMES.stream().anyMatch(wire -> name.equals(wire) || name.startsWith(wire + "."));
    }
}
