package com.callbackcloser.api.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * At most one alert per error (per {@link Alert#fingerprint}) per interval. What it holds back is counted, and
 * said: a window that closes having held alerts back yields a summary (the last of them, with the count), and
 * opens the next window, so an error that keeps happening is reported once per interval with how often.
 *
 * <p>Bounded: past {@code capacity} errors being tracked, the oldest window is closed early (its summary, if it
 * held anything back, still goes out). Called from logging threads and the sender; every method is short and
 * does no I/O, so holding its lock never slows a request.
 */
final class AlertThrottle {
    /** An alert to send, and how many like it were held back since when (0 and null when none). */
    record Release(Alert alert, long suppressed, Instant suppressedSince, boolean summary) {}

    private static final class Window {
        private final Instant opened;
        private long suppressed;
        private Alert lastSuppressed;

        private Window(Instant opened) {
            this.opened = opened;
        }
    }

    private final Duration interval;
    private final int capacity;
    /** In the order the windows opened, so the eldest is the first to close. */
    private final Map<String, Window> windows = new LinkedHashMap<>();

    private final ArrayDeque<Release> closedEarly = new ArrayDeque<>();

    AlertThrottle(Duration interval, int capacity) {
        this.interval = interval;
        this.capacity = capacity;
    }

    Duration interval() {
        return interval;
    }

    /** The alert to send now, or empty when one like it went out less than an interval ago (then it is counted). */
    synchronized Optional<Release> admit(Alert alert, Instant now) {
        Window window = windows.get(alert.fingerprint());
        if (window != null && isOpen(window, now)) {
            window.suppressed++;
            window.lastSuppressed = alert;
            return Optional.empty();
        }
        windows.remove(alert.fingerprint());
        open(alert.fingerprint(), now);
        return window == null || window.suppressed == 0
                ? Optional.of(new Release(alert, 0, null, false))
                : Optional.of(new Release(alert, window.suppressed, window.opened, false));
    }

    /** Closes the windows whose interval has passed: a summary for each that held alerts back. */
    synchronized List<Release> closeExpired(Instant now) {
        List<Release> summaries = new ArrayList<>(closedEarly);
        closedEarly.clear();
        List<String> reopened = new ArrayList<>();
        for (Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Window> entry = it.next();
            Window window = entry.getValue();
            if (isOpen(window, now)) {
                continue;
            }
            it.remove();
            if (window.suppressed > 0) {
                summaries.add(summary(window));
                reopened.add(entry.getKey());
            }
        }
        // The summary was this interval's alert: the next one waits a whole interval again.
        reopened.forEach(fingerprint -> open(fingerprint, now));
        return summaries;
    }

    synchronized int tracked() {
        return windows.size();
    }

    private boolean isOpen(Window window, Instant now) {
        return now.isBefore(window.opened.plus(interval));
    }

    private void open(String fingerprint, Instant now) {
        windows.put(fingerprint, new Window(now));
        if (windows.size() > capacity) {
            Iterator<Window> eldest = windows.values().iterator();
            Window closed = eldest.next();
            eldest.remove();
            if (closed.suppressed > 0 && closedEarly.size() < capacity) {
                closedEarly.add(summary(closed));
            }
        }
    }

    private static Release summary(Window window) {
        return new Release(window.lastSuppressed, window.suppressed, window.opened, true);
    }
}
