package com.callbackcloser.api.errors;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A database error names its SQLState and statement in the logs and alerts, never the values it was given: JDBI's
 * exception text lists the bound arguments and PostgreSQL's the failing row, which hold callers' numbers and what
 * they wrote. Each test makes PostgreSQL itself refuse a write (a check constraint, or a trigger quoting the row the
 * way a constraint's detail does).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatabaseErrorLoggingIT {
    private static final WireMockServer ALERTS = startAlerts();
    private static final JwtIssuer IDP = new JwtIssuer();
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures(
            "auth.jwtIssuer",
            JwtIssuer.ISSUER,
            "auth.jwksUrl",
            IDP.jwksUrl(),
            "alerts.webhookUrl",
            "http://127.0.0.1:" + ALERTS.port() + "/alert");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private String owner;
    private String business;
    private String twilioNumber;

    private static WireMockServer startAlerts() {
        WireMockServer server =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo("/alert")).willReturn(aResponse().withStatus(200)));
        return server;
    }

    @BeforeAll
    static void captureLogsAndMakeTheDatabaseRefuseSomeWrites() {
        // The identity provider's keys are fetched on first use.
        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(SERVICE.owner()
                                .get(IDP.token("warm_up"), "/api/businesses")
                                .status())
                        .isEqualTo(200));
        LOGS.start();
        ROOT.addAppender(LOGS);
        SERVICE.twilio.acceptMessages();
        SERVICE.jdbi().useHandle(h -> {
            h.execute("ALTER TABLE messages ADD CONSTRAINT test_no_poison CHECK (body NOT LIKE '%poison-pill%')");
            h.execute("ALTER TABLE businesses ADD CONSTRAINT test_no_such_forwarding"
                    + " CHECK (forwarding_number <> '+14155550188')");
            h.execute("""
                    CREATE FUNCTION test_refuse_recording_the_send() RETURNS trigger AS $$
                    BEGIN
                        RAISE EXCEPTION 'cannot record the text to % (%)', NEW.to_number, NEW.body
                            USING ERRCODE = 'check_violation';
                    END $$ LANGUAGE plpgsql""");
            h.execute("""
                    CREATE TRIGGER test_refuse_recording_the_send BEFORE UPDATE ON messages FOR EACH ROW
                    WHEN (NEW.delivery_state = 'SENT' AND NEW.to_number = '+14155550166')
                    EXECUTE FUNCTION test_refuse_recording_the_send()""");
            h.execute("""
                    CREATE FUNCTION test_refuse_recording_the_delivery() RETURNS trigger AS $$
                    BEGIN
                        RAISE EXCEPTION 'cannot record the delivery of %',
                            (SELECT payload FROM webhook_events WHERE id = NEW.event_id)
                            USING ERRCODE = 'check_violation';
                    END $$ LANGUAGE plpgsql""");
            h.execute("""
                    CREATE TRIGGER test_refuse_recording_the_delivery BEFORE UPDATE ON webhook_deliveries
                    FOR EACH ROW WHEN (NEW.state = 'DELIVERED')
                    EXECUTE FUNCTION test_refuse_recording_the_delivery()""");
        });
    }

    @AfterAll
    static void stop() {
        ROOT.detachAppender(LOGS);
        ALERTS.stop();
        IDP.close();
    }

    @BeforeEach
    void anActiveBusinessWithANumber() {
        owner = IDP.token("owner_" + UUID.randomUUID());
        OwnerApiClient.Answer created = SERVICE.owner()
                .post(owner, "/api/businesses", Map.of("name", "Acme Plumbing", "forwardingNumber", "+14155550199"));
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        business = created.text("id");
        twilioNumber = TestBusinesses.nextTwilioNumber();
        SERVICE.transactions().inTransaction(r -> {
            r.businesses()
                    .attachTwilioNumber(
                            UUID.fromString(business), twilioNumber, "PN" + UUID.randomUUID(), Instant.now());
            r.businesses()
                    .setManualSubscription(
                            UUID.fromString(business), SubscriptionStatus.ACTIVE, PlanTier.STARTER, Instant.now());
            return null;
        });
    }

    @Test
    void anInboundTextTheDatabaseRefusesIs503AndLogsItsSqlStateAndStatementButNotTheNumberOrTheText() {
        HttpResponse<String> answer = SERVICE.webhooks()
                .post(
                        "/api/twilio/sms",
                        params(
                                "MessageSid",
                                "SM" + UUID.randomUUID().toString().replace("-", ""),
                                "From",
                                "+14155550155",
                                "To",
                                twilioNumber,
                                "Body",
                                "poison-pill: the gate code is 4471"));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertLoggedAndAlertedWithout(
                "twilio.sms", "MessageDao.insertInbound", List.of("4155550155", "gate code is 4471"));
    }

    @Test
    void anOwnerApiWriteTheDatabaseRefusesIs500AndLogsItsSqlStateAndStatementButNotTheNumber() {
        OwnerApiClient.Answer answer =
                SERVICE.owner().patch(owner, "/api/businesses/" + business, Map.of("forwardingNumber", "+14155550188"));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(new String(answer.raw().body(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("4155550188");
        assertLoggedAndAlertedWithout(null, "BusinessDao.updateSettings", List.of("4155550188"));
    }

    @Test
    void aSendWhoseResultCannotBeRecordedIsLoggedWithoutTheRecipientOrTheText() {
        int sentBefore = SERVICE.twilio.createRequests();
        missedCallFrom("+14155550166");
        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(SERVICE.twilio.createRequests()).isGreaterThan(sentBefore));
        List<String> texts = SERVICE.twilio.sentMessages().stream()
                .filter(message -> "+14155550166".equals(message.get("To")))
                .map(message -> message.get("Body"))
                .toList();
        assertThat(texts).isNotEmpty();

        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(errorsWith("OutboxDao.markSent")).isNotEmpty());
        assertLoggedAndAlertedWithout(
                "com.callbackcloser.api.outbox.OutboxWorker",
                "OutboxDao.markSent",
                List.of(
                        "4155550166",
                        texts.get(0).substring(0, Math.min(40, texts.get(0).length()))));
    }

    @Test
    void aWebhookDeliveryThatCannotBeRecordedIsLoggedWithoutThePayload() {
        WireMockServer receiver =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        try {
            receiver.stubFor(
                    post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
            OwnerApiClient.Answer endpoint = SERVICE.owner()
                    .post(
                            owner,
                            "/api/businesses/" + business + "/webhook-endpoints",
                            Map.of(
                                    "url",
                                    "http://127.0.0.1:" + receiver.port() + "/hook",
                                    "events",
                                    List.of("lead.created")));
            assertThat(endpoint.status()).as(String.valueOf(endpoint.json())).isEqualTo(201);

            missedCallFrom("+14155550177");

            Eventually.within(
                    Duration.ofSeconds(30),
                    () -> assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/hook"))))
                            .isNotEmpty());
            Eventually.within(
                    Duration.ofSeconds(30),
                    () -> assertThat(errorsWith("WebhookDao.settle")).isNotEmpty());
            assertLoggedAndAlertedWithout(
                    "com.callbackcloser.api.webhooks.WebhookWorker", "WebhookDao.settle", List.of("4155550177"));
        } finally {
            receiver.stop();
        }
    }

    private void missedCallFrom(String caller) {
        SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "AccountSid",
                                TwilioFake.ACCOUNT_SID,
                                "CallSid",
                                "CA" + UUID.randomUUID().toString().replace("-", ""),
                                "From",
                                caller,
                                "To",
                                twilioNumber,
                                "DialCallStatus",
                                "no-answer"));
    }

    /**
     * The error was logged at ERROR (by {@code logger}, when given) with the SQLState and the statement's name, and
     * was alerted the same way; nothing logged or alerted holds any of {@code secrets}.
     */
    private static void assertLoggedAndAlertedWithout(String logger, String statement, List<String> secrets) {
        List<String> errors = errorsWith(statement);
        assertThat(errors).as("ERROR events naming " + statement).isNotEmpty();
        if (logger != null) {
            assertThat(logged())
                    .filteredOn(event -> event.getLevel() == Level.ERROR
                            && event.getLoggerName().equals(logger))
                    .isNotEmpty();
        }
        assertThat(errors).allSatisfy(text -> assertThat(text).contains("23514"));
        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(alerts())
                        .anySatisfy(
                                alert -> assertThat(alert).contains(statement).contains("23514")));

        List<String> everything =
                logged().stream().map(DatabaseErrorLoggingIT::render).toList();
        for (String secret : secrets) {
            assertThat(everything)
                    .as("the logs")
                    .noneSatisfy(text -> assertThat(text).contains(secret));
            assertThat(alerts())
                    .as("the alerts")
                    .noneSatisfy(alert -> assertThat(alert).contains(secret));
        }
    }

    private static List<String> errorsWith(String statement) {
        return logged().stream()
                .filter(event -> event.getLevel() == Level.ERROR)
                .map(DatabaseErrorLoggingIT::render)
                .filter(text -> text.contains(statement))
                .toList();
    }

    /** A copy: the service's threads keep appending (under the appender's lock, which this takes too). */
    private static List<ILoggingEvent> logged() {
        synchronized (LOGS) {
            return new ArrayList<>(LOGS.list);
        }
    }

    private static List<String> alerts() {
        return ALERTS.findAll(postRequestedFor(urlPathEqualTo("/alert"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .collect(Collectors.toList());
    }

    /** The event as a log line would print it: message, then the whole exception with its causes. */
    private static String render(ILoggingEvent event) {
        return event.getFormattedMessage()
                + (event.getThrowableProxy() == null
                        ? ""
                        : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
}
