package com.callbackcloser.api.alerts;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import com.callbackcloser.api.servlets.CorrelationIdFilter;
import com.callbackcloser.db.DatabaseErrors;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts ERROR log events to the alert webhook as JSON, from its own thread. The logging call only offers the
 * event to a bounded queue, so a slow or dead endpoint can neither slow a request down nor fail it, and a flood
 * of errors drops alerts (counted) instead of exhausting memory.
 *
 * <p>The payload is a Slack incoming-webhook message (its {@code text}: one line saying where, what and why,
 * without secrets) followed by the details as fields of their own for any other receiver. The same error goes
 * out at most once per {@code repeatInterval}; the ones held back are counted and the count is sent
 * ({@link AlertThrottle}).
 */
public final class AlertWebhookAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertWebhookAppender.class);
    private static final String THREAD_NAME = "alert-webhook";
    /** Errors tracked for the repeat interval at once; far more than the service has log statements. */
    private static final int TRACKED_ERRORS = 1_000;
    /** Slack shows about this much of a message before "show more"; the details carry the rest. */
    private static final int SUMMARY_MESSAGE_LENGTH = 300;

    private static final int DETAIL_LENGTH = 4_000;

    /** Where alerts go, how, and what they say about the service. */
    public record Settings(
            String url,
            String bearerToken,
            Duration timeout,
            int queueSize,
            Duration repeatInterval,
            String environment,
            Collection<String> secrets) {}

    private final URI url;
    private final String bearerToken;
    private final Duration timeout;
    private final String environment;
    private final BlockingQueue<AlertThrottle.Release> pending;
    private final AlertThrottle throttle;
    private final SecretRedactor redactor;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private Thread sender;

    public AlertWebhookAppender(Settings settings, ObjectMapper json, Clock clock) {
        this.url = URI.create(settings.url());
        this.bearerToken = settings.bearerToken();
        this.timeout = settings.timeout();
        this.environment = settings.environment();
        this.pending = new ArrayBlockingQueue<>(settings.queueSize());
        this.throttle = new AlertThrottle(settings.repeatInterval(), TRACKED_ERRORS);
        this.redactor = new SecretRedactor(settings.secrets());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.json = json;
        this.clock = clock;
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
        throttle.admit(alertOf(event), clock.instant()).ifPresent(this::enqueue);
    }

    public long dropped() {
        return dropped.get();
    }

    public long failed() {
        return failed.get();
    }

    public long sent() {
        return sent.get();
    }

    private void enqueue(AlertThrottle.Release release) {
        if (!pending.offer(release)) {
            dropped.incrementAndGet();
        }
    }

    /** On the logging thread: only what the event would lose; redaction and JSON wait for the sender. */
    private static Alert alertOf(ILoggingEvent event) {
        IThrowableProxy error = event.getThrowableProxy();
        String exceptionClass = error == null ? null : error.getClassName();
        Throwable thrown = error instanceof ThrowableProxy proxy ? proxy.getThrowable() : null;
        // A database error logged as it came (not through DatabaseErrors) carries the statement's values: not here.
        boolean database = thrown != null && DatabaseErrors.involved(thrown);
        String message =
                database ? withoutMessagesOf(thrown, event.getFormattedMessage()) : event.getFormattedMessage();
        String exception;
        if (database) {
            exception = DatabaseErrors.describe(thrown);
        } else {
            exception = error == null ? null : exceptionClass + ": " + error.getMessage();
        }
        return new Alert(
                Alert.fingerprint(event.getLoggerName(), exceptionClass, String.valueOf(event.getMessage())),
                event.getLevel().toString(),
                event.getLoggerName(),
                message,
                exception,
                event.getMDCPropertyMap().get(CorrelationIdFilter.MDC_KEY),
                Instant.ofEpochMilli(event.getTimeStamp()));
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

    /**
     * Slack's incoming webhooks need {@code text} and ignore the rest, so it comes first and says it all in a
     * line; the fields after it are for receivers that read JSON.
     */
    Map<String, Object> payloadOf(AlertThrottle.Release release) {
        Alert alert = release.alert();
        String message = redactor.redact(alert.message());
        String exception = redactor.redact(alert.exception());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", summaryOf(release, message, exception));
        payload.put("service", "callbackcloser");
        payload.put("environment", environment);
        payload.put("level", alert.level());
        payload.put("logger", alert.logger());
        payload.put("message", cut(message, DETAIL_LENGTH));
        payload.put("correlationId", alert.correlationId());
        if (exception != null) {
            payload.put("exception", cut(exception, DETAIL_LENGTH));
        }
        payload.put("time", alert.time().toString());
        if (release.suppressed() > 0) {
            payload.put("suppressed", release.suppressed());
            payload.put("suppressedSince", release.suppressedSince().toString());
        }
        return payload;
    }

    private String summaryOf(AlertThrottle.Release release, String message, String exception) {
        Alert alert = release.alert();
        StringBuilder line = new StringBuilder()
                .append('[')
                .append(environment)
                .append("] ")
                .append(alert.level())
                .append(' ')
                .append(alert.logger())
                .append(": ");
        String since = release.suppressed() > 0
                ? release.suppressedSince().truncatedTo(ChronoUnit.SECONDS).toString()
                : null;
        if (release.summary()) {
            line.append(release.suppressed())
                    .append(" more like this since ")
                    .append(since)
                    .append(" (at most one alert per ")
                    .append(humane(throttle.interval()))
                    .append("), the last: ");
        }
        line.append(cut(message, SUMMARY_MESSAGE_LENGTH));
        if (exception != null) {
            line.append(" (").append(cut(exception, SUMMARY_MESSAGE_LENGTH)).append(')');
        }
        if (!release.summary() && release.suppressed() > 0) {
            line.append(" (")
                    .append(release.suppressed())
                    .append(" more like this held back since ")
                    .append(since)
                    .append(')');
        }
        return slackText(oneLine(line.toString()));
    }

    private void sendLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                AlertThrottle.Release release = pending.poll(1, TimeUnit.SECONDS);
                if (release != null) {
                    send(release);
                }
                List<AlertThrottle.Release> summaries = throttle.closeExpired(clock.instant());
                for (AlertThrottle.Release summary : summaries) {
                    send(summary);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A bug in building one alert must not end the thread that sends all the others.
                failed.incrementAndGet();
                LOG.warn("event=alert decision=failed error=\"{}\"", e.toString());
            }
        }
    }

    private void send(AlertThrottle.Release release) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payloadOf(release))));
            if (bearerToken != null && !bearerToken.isBlank()) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                sent.incrementAndGet();
            } else {
                failed.incrementAndGet();
                LOG.warn("event=alert decision=failed status={}", response.statusCode());
            }
        } catch (IOException e) {
            failed.incrementAndGet();
            LOG.warn("event=alert decision=failed error=\"{}\"", e.toString());
        }
    }

    /** Slack reads {@code &}, {@code <} and {@code >} as markup (links, mentions such as {@code <!channel>}). */
    static String slackText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Line breaks and other control characters as spaces: a summary is one line. */
    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }

    private static String cut(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end) + "…";
    }

    private static String humane(Duration interval) {
        return interval.toSeconds() % 60 == 0 ? interval.toMinutes() + " min" : interval.toSeconds() + " s";
    }
}
