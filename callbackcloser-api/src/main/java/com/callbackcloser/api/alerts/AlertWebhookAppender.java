package com.callbackcloser.api.alerts;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import com.callbackcloser.api.servlets.CorrelationIdFilter;
import com.callbackcloser.core.model.PhoneNumbers;
import com.callbackcloser.db.DatabaseErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts every ERROR log event to the alert webhook as JSON, from its own thread. The logging call only offers
 * the event to a bounded queue, so a slow or dead endpoint can neither slow a request down nor fail it, and a
 * flood of errors drops alerts (counted) instead of exhausting memory.
 */
public final class AlertWebhookAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertWebhookAppender.class);
    private static final String THREAD_NAME = "alert-webhook";

    private final URI url;
    private final String bearerToken;
    private final Duration timeout;
    private final BlockingQueue<Map<String, Object>> pending;
    private final HttpClient http;
    private final ObjectMapper json;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private Thread sender;

    public AlertWebhookAppender(String url, String bearerToken, Duration timeout, int queueSize, ObjectMapper json) {
        this.url = URI.create(url);
        this.bearerToken = bearerToken;
        this.timeout = timeout;
        this.pending = new ArrayBlockingQueue<>(queueSize);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.json = json;
        setName("alert-webhook");
    }

    @Override
    public void start() {
        sender = new Thread(this::sendLoop, THREAD_NAME);
        sender.setDaemon(true);
        sender.start();
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        if (sender != null) {
            sender.interrupt();
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        // Our own failures to post are not alerts (that would loop), and only errors are.
        if (!event.getLevel().isGreaterOrEqual(Level.ERROR)
                || THREAD_NAME.equals(Thread.currentThread().getName())) {
            return;
        }
        if (!pending.offer(alertOf(event))) {
            dropped.incrementAndGet();
        }
    }

    public long dropped() {
        return dropped.get();
    }

    public long failed() {
        return failed.get();
    }

    private Map<String, Object> alertOf(ILoggingEvent event) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("service", "callbackcloser");
        alert.put("level", event.getLevel().toString());
        alert.put("logger", event.getLoggerName());
        IThrowableProxy error = event.getThrowableProxy();
        Throwable thrown = error instanceof ThrowableProxy proxy ? proxy.getThrowable() : null;
        // A database error logged as it came (not through DatabaseErrors) carries the statement's values: not here.
        boolean database = thrown != null && DatabaseErrors.involved(thrown);
        String message =
                database ? withoutMessagesOf(thrown, event.getFormattedMessage()) : event.getFormattedMessage();
        alert.put("message", PhoneNumbers.maskAll(message));
        alert.put("correlationId", event.getMDCPropertyMap().get(CorrelationIdFilter.MDC_KEY));
        if (database) {
            alert.put("exception", DatabaseErrors.describe(thrown));
        } else if (error != null) {
            alert.put("exception", error.getClassName() + ": " + PhoneNumbers.maskAll(error.getMessage()));
        }
        alert.put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        return alert;
    }

    /** The message with the text of every exception in the chain cut out (a caller may have put e.toString() in). */
    private static String withoutMessagesOf(Throwable thrown, String message) {
        String safe = message;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable link = thrown; link != null && seen.add(link); link = link.getCause()) {
            if (link.getMessage() != null && !link.getMessage().isBlank()) {
                safe = safe.replace(link.getMessage(), "[redacted]");
            }
        }
        return safe;
    }

    private void sendLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Map<String, Object> alert = pending.poll(1, TimeUnit.SECONDS);
                if (alert != null) {
                    send(alert);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void send(Map<String, Object> alert) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(alert)));
            if (bearerToken != null && !bearerToken.isBlank()) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                failed.incrementAndGet();
                LOG.warn("event=alert decision=failed status={}", response.statusCode());
            }
        } catch (IOException e) {
            failed.incrementAndGet();
            LOG.warn("event=alert decision=failed error=\"{}\"", e.toString());
        }
    }
}
