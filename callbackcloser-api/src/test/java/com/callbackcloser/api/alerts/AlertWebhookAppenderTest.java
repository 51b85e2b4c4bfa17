package com.callbackcloser.api.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert appender against a local receiver, fed log events as logback hands them over. */
class AlertWebhookAppenderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRIPE_KEY = "sk_live_51H8dkTHISisNOTreal0000";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WireMockServer receiver =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final LoggerContext logging = new LoggerContext();
    private final TestClock clock = new TestClock(Instant.parse("2026-12-04T18:00:00Z"));
    private final List<AlertWebhookAppender> appenders = new ArrayList<>();

    @BeforeEach
    void startTheReceiver() {
        receiver.start();
        receiver.stubFor(post(urlPathEqualTo("/alert")).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stopEverything() {
        appenders.forEach(AlertWebhookAppender::stop);
        receiver.stop();
    }

    @Test
    void slackGetsAOneLineTextFirstAndOtherReceiversTheDetailsAfterIt() throws Exception {
        AlertWebhookAppender appender = start(Duration.ofMinutes(1));

        appender.doAppend(error(
                "stripe.webhook",
                "event=stripe.webhook decision=retry eventId={} customer={} caller={}",
                new IllegalStateException("Stripe said no to " + STRIPE_KEY + "\nat line two <!channel>"),
                "evt_1",
                "cus_1",
                "+14155550123"));

        JsonNode alert = alerts(1).get(0);
        assertThat(alert.fieldNames().next())
                .as("Slack reads text, so it comes first")
                .isEqualTo("text");
        String text = alert.path("text").asText();
        assertThat(text)
                .startsWith("[production callbacks.example.test] ERROR stripe.webhook: event=stripe.webhook"
                        + " decision=retry eventId=evt_1 customer=cus_1 caller=***0123 (java.lang.IllegalStateException:"
                        + " Stripe said no to ****")
                .doesNotContain("\n", STRIPE_KEY, "4155550123", "<!channel>")
                .contains("&lt;!channel&gt;");
        assertThat(alert.path("service").asText()).isEqualTo("callbackcloser");
        assertThat(alert.path("environment").asText()).isEqualTo("production callbacks.example.test");
        assertThat(alert.path("level").asText()).isEqualTo("ERROR");
        assertThat(alert.path("logger").asText()).isEqualTo("stripe.webhook");
        assertThat(alert.path("message").asText())
                .isEqualTo("event=stripe.webhook decision=retry eventId=evt_1 customer=cus_1 caller=***0123");
        assertThat(alert.path("exception").asText())
                .startsWith("java.lang.IllegalStateException: Stripe said no to ****\nat line two")
                .doesNotContain(STRIPE_KEY);
        assertThat(alert.path("correlationId").asText()).isEqualTo("req-7");
        assertThat(alert.has("time")).isTrue();
        assertThat(alert.has("suppressed")).isFalse();
    }

    /**
     * Slack's incoming webhook takes a JSON object whose {@code text} is the message (mrkdwn, where {@code &},
     * {@code <} and {@code >} are control characters and must be sent as entities) and ignores fields it does
     * not know; a message longer than 40,000 characters is cut.
     */
    @Test
    void theTextIsAValidSlackMessageWhateverTheErrorSays() throws Exception {
        AlertWebhookAppender appender = start(Duration.ofMinutes(1));
        String hostile = "a&b <https://evil.example|click> <@U123> *bold* \u0000\t\r\n\u2028 " + "x".repeat(50_000);

        appender.doAppend(error("owner.api", hostile, new RuntimeException(hostile)));

        JsonNode alert = alerts(1).get(0);
        JsonNode text = alert.path("text");
        assertThat(text.isTextual()).isTrue();
        assertThat(text.asText())
                .isNotBlank()
                .hasSizeLessThan(1_000)
                .doesNotContain("<", ">", "\n", "\r", "\u0000", "\u2028")
                .contains("a&amp;b &lt;https://evil.example|click&gt; &lt;@U123&gt;");
        assertThat(text.asText().replaceAll("&(amp|lt|gt);", "")).doesNotContain("&");
        assertThat(alert.path("message").asText()).hasSizeLessThan(5_000);
    }

    @Test
    void theSameErrorGoesOutOnceAMinuteAndTheNextAlertSaysHowManyWereHeldBack() throws Exception {
        AlertWebhookAppender appender = start(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            appender.doAppend(error("outbox.dispatch", "event=outbox.dispatch decision=backoff attempt={}", null, i));
        }
        // A different error: once it is posted, everything offered before it has been (one sender, in order).
        appender.doAppend(error("stripe.webhook", "event=stripe.webhook decision=retry", null));

        List<JsonNode> first = alerts(2);
        assertThat(first)
                .extracting(a -> a.path("logger").asText())
                .containsExactly("outbox.dispatch", "stripe.webhook");
        assertThat(first.get(0).path("message").asText()).isEqualTo("event=outbox.dispatch decision=backoff attempt=0");

        clock.advance(Duration.ofSeconds(61));

        JsonNode summary = alerts(3).get(2);
        assertThat(summary.path("logger").asText()).isEqualTo("outbox.dispatch");
        assertThat(summary.path("suppressed").asLong()).isEqualTo(4);
        assertThat(summary.path("suppressedSince").asText()).isEqualTo("2026-12-04T18:00:00Z");
        assertThat(summary.path("message").asText()).isEqualTo("event=outbox.dispatch decision=backoff attempt=4");
        assertThat(summary.path("text").asText())
                .isEqualTo("[production callbacks.example.test] ERROR outbox.dispatch: 4 more like this since"
                        + " 2026-12-04T18:00:00Z (at most one alert per 1 min), the last: event=outbox.dispatch"
                        + " decision=backoff attempt=4");

        // The summary was this minute's alert: the error happening again now waits for the next minute.
        appender.doAppend(error("outbox.dispatch", "event=outbox.dispatch decision=backoff attempt={}", null, 5));
        appender.doAppend(error("twilio.sms", "event=twilio.sms decision=failed", null));
        assertThat(alerts(4).get(3).path("logger").asText()).isEqualTo("twilio.sms");
        clock.advance(Duration.ofSeconds(61));
        JsonNode next = alerts(5).get(4);
        assertThat(next.path("suppressed").asLong()).isEqualTo(1);
        assertThat(next.path("message").asText()).isEqualTo("event=outbox.dispatch decision=backoff attempt=5");
    }

    @Test
    void anErrorAfterItsQuietMinuteGoesOutAtOnce() throws Exception {
        AlertWebhookAppender appender = start(Duration.ofMinutes(1));
        appender.doAppend(error("outbox.dispatch", "event=outbox.dispatch decision=backoff", null));
        alerts(1);
        clock.advance(Duration.ofMinutes(5));

        appender.doAppend(error("outbox.dispatch", "event=outbox.dispatch decision=backoff", null));

        JsonNode again = alerts(2).get(1);
        assertThat(again.has("suppressed")).isFalse();
        assertThat(again.path("text").asText()).doesNotContain("more like this");
    }

    @Test
    void aSlowReceiverNeverHoldsUpTheThreadThatLogged() throws Exception {
        receiver.stubFor(post(urlPathEqualTo("/alert"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));
        AlertWebhookAppender appender = start(Duration.ofMinutes(1));

        for (int i = 0; i < 50; i++) {
            appender.doAppend(error("owner.api", "error number " + i, null));
        }

        // Every call returned while the receiver still sits on the first post: nothing waited for it.
        Eventually.within(WAIT, () -> assertThat(receiver.getAllServeEvents()).isNotEmpty());
        assertThat(appender.sent()).isZero();
        assertThat(appender.failed()).isZero();
    }

    @Test
    void aReceiverThatFailsOrHangsUpNeverThrowsIntoTheLoggingThreadAndLaterAlertsStillGo() throws Exception {
        receiver.stubFor(post(urlPathEqualTo("/alert")).willReturn(aResponse().withStatus(500)));
        AlertWebhookAppender appender = start(Duration.ofMinutes(1));

        appender.doAppend(error("owner.api", "the receiver answers 500", null));
        Eventually.within(WAIT, () -> assertThat(appender.failed()).isEqualTo(1));
        receiver.stubFor(
                post(urlPathEqualTo("/alert")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        appender.doAppend(error("owner.api", "the receiver hangs up", null));
        Eventually.within(WAIT, () -> assertThat(appender.failed()).isEqualTo(2));
        receiver.stubFor(post(urlPathEqualTo("/alert")).willReturn(aResponse().withStatus(200)));
        appender.doAppend(error("owner.api", "the receiver is back", null));

        Eventually.within(WAIT, () -> assertThat(appender.sent()).isEqualTo(1));
        assertThat(appender.dropped()).isZero();
    }

    @Test
    void warningsAndTheSendersOwnTroublesAreNotAlerts() throws Exception {
        AlertWebhookAppender appender = start(Duration.ofMinutes(1));
        appender.doAppend(event(Level.WARN, "owner.api", "just a warning", null));
        Thread sendersOwn = new Thread(
                () -> appender.doAppend(error("com.callbackcloser.api.alerts", "could not post", null)),
                "alert-webhook");
        sendersOwn.start();
        sendersOwn.join();
        appender.doAppend(error("owner.api", "an error", null));

        assertThat(alerts(1)).extracting(a -> a.path("message").asText()).containsExactly("an error");
    }

    private AlertWebhookAppender start(Duration repeatInterval) {
        AlertWebhookAppender appender = new AlertWebhookAppender(
                new AlertWebhookAppender.Settings(
                        "http://127.0.0.1:" + receiver.port() + "/alert",
                        "",
                        Duration.ofSeconds(30),
                        256,
                        repeatInterval,
                        "production callbacks.example.test",
                        List.of(STRIPE_KEY)),
                JSON,
                clock);
        appender.setContext(logging);
        appender.start();
        appenders.add(appender);
        return appender;
    }

    private LoggingEvent error(String loggerName, String template, Throwable error, Object... args) {
        return event(Level.ERROR, loggerName, template, error, args);
    }

    private LoggingEvent event(Level level, String loggerName, String template, Throwable error, Object... args) {
        Logger logger = logging.getLogger(loggerName);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, template, error, args);
        event.setMDCPropertyMap(Map.of("correlationId", "req-7"));
        return event;
    }

    /** Waits for exactly this many alerts to have arrived, and returns them in order. */
    private List<JsonNode> alerts(int count) throws Exception {
        Eventually.within(
                WAIT,
                () -> assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/alert"))))
                        .hasSizeGreaterThanOrEqualTo(count));
        List<LoggedRequest> posted = receiver.findAll(postRequestedFor(urlPathEqualTo("/alert")));
        assertThat(posted).hasSize(count);
        List<JsonNode> alerts = new ArrayList<>();
        for (LoggedRequest request : posted) {
            assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
            alerts.add(JSON.readTree(request.getBodyAsString()));
        }
        return alerts;
    }
}
