package com.callbackcloser.api.views;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Concurrently;
import com.callbackcloser.api.testing.DashboardClient;
import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.api.twilio.TwilioClients;
import com.callbackcloser.api.twilio.TwilioSmsGateway;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.Role;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.service.OutboxDispatcher;
import com.callbackcloser.core.service.RetryPolicy;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Texting the caller by hand, from the lead page and from {@code POST …/leads/{leadId}/messages}: one use case
 * behind both. The service's outbox workers are off, so "queued, not sent inline" is visible: nothing reaches the
 * Twilio fake until the test delivers the outbox with the service's own dispatcher and Twilio SDK.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CallerRepliesIT {
    private static final JwtIssuer IDP = new JwtIssuer();
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures(
            "outbox.enabled", "false", "auth.jwtIssuer", JwtIssuer.ISSUER, "auth.jwksUrl", IDP.jwksUrl());

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final Map<String, String> HTMX = Map.of("HX-Request", "true");
    private static final Pattern VERSION = Pattern.compile("/conversation\\?v=([0-9a-f]+)");
    private static int callers = 0;

    private Business business;
    private String caller;
    private String lead;
    private OutboxDispatcher outbox;

    @BeforeEach
    void aTextedMissedCall() {
        SERVICE.twilio.reset();
        SERVICE.twilio.acceptMessages();
        business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        DashboardFixtures.member(SERVICE, business, "owner_r", Role.OWNER);
        DashboardFixtures.member(SERVICE, business, "agent_r", Role.AGENT);
        caller = String.format("+1415555%04d", 3000 + ++callers);
        lead = DashboardFixtures.missedCall(SERVICE, business, caller);
        outbox = new OutboxDispatcher(
                SERVICE.transactions(),
                new TwilioSmsGateway(
                        TwilioClients.restClient(
                                TwilioFake.ACCOUNT_SID,
                                TwilioFake.AUTH_TOKEN,
                                SERVICE.twilio.baseUrl(),
                                Duration.ofSeconds(5)),
                        id -> ServiceUnderTest.PUBLIC_URL + "/api/twilio/message-status?messageId=" + id),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10)),
                Clock.systemUTC(),
                () -> 0.5);
        deliverQueued();
    }

    @org.junit.jupiter.api.BeforeAll
    static void theIdentityProviderAnswers() {
        // The first JWKS fetch of a cold JVM on a busy machine can outlast nimbus's half-second timeout.
        com.callbackcloser.api.testing.Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(api().get(IDP.token("owner_r"), "/api/businesses")
                                .status())
                        .isEqualTo(200));
    }

    @AfterAll
    static void stopIdp() {
        IDP.close();
    }

    @Test
    void aReplyFromThePageIsQueuedAtOnceThenSentThenDeliveredAndTheAnswerLandsInTheConversation() {
        DashboardClient agent = signedIn("agent_r");
        String page = agent.get("/leads/" + lead).body();
        assertThat(page).contains("id=\"reply-body\"", "Send text");
        String version = version(page);
        int sentBefore = SERVICE.twilio.sentMessages().size();

        HttpResponse<String> sent = agent.postExactly(
                "/leads/" + lead + "/messages",
                Map.of(
                        "body",
                        "Hi, this is Bob. I can come at 3 today.",
                        "replyKey",
                        UUID.randomUUID().toString()),
                Map.of("HX-Request", "true", "X-CSRF-Token", agent.csrfToken()));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body())
                .contains(
                        "Hi, this is Bob. I can come at 3 today.",
                        "<span class=\"bubble-author\">You</span>",
                        "data-delivery=\"Queued\"")
                .contains("hx-swap-oob=\"true\"", "Your text was added to the conversation above.");
        assertThat(SERVICE.twilio.sentMessages()).as("never sent inline").hasSize(sentBefore);

        assertThat(deliverQueued()).containsExactly(caller + ": Hi, this is Bob. I can come at 3 today.");
        String afterSend = agent.get("/leads/" + lead + "/conversation?v=" + version(sent.body()), HTMX)
                .body();
        assertThat(afterSend).contains("data-delivery=\"Sent\"");
        assertThat(agent.get("/leads/" + lead + "/conversation?v=" + version(afterSend), HTMX)
                        .statusCode())
                .as("nothing changed since")
                .isEqualTo(204);

        String replyId = SERVICE.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT id FROM messages WHERE lead_id = CAST(:l AS uuid) AND sent_by = 'agent_r'")
                        .bind("l", lead)
                        .mapTo(String.class)
                        .one());
        SERVICE.webhooks()
                .post(
                        "/api/twilio/message-status?messageId=" + replyId,
                        params(
                                "MessageSid",
                                sid(replyId),
                                "MessageStatus",
                                "delivered",
                                "AccountSid",
                                TwilioFake.ACCOUNT_SID));
        assertThat(agent.get("/leads/" + lead + "/conversation?v=" + version(afterSend), HTMX)
                        .body())
                .contains("data-delivery=\"Delivered\"");

        HttpResponse<String> answer = DashboardFixtures.text(SERVICE, business, caller, "Great, see you then");
        assertThat(answer.headers().firstValue("X-CallbackCloser-Decision")).hasValue("owner_conversing");
        assertThat(deliverQueued())
                .as("the automation stands down while a person talks")
                .isEmpty();
        assertThat(agent.get("/leads/" + lead).body())
                .contains("Great, see you then", "You are texting this caller: the automatic questions are off.");
        assertThat(version).isNotBlank();
    }

    @Test
    void theCallersAnswersReachAnOpenLeadPageThroughTheRefresh() {
        DashboardClient owner = signedIn("owner_r");
        String page = owner.get("/leads/" + lead).body();
        assertThat(page).contains("Not answered yet").contains("<option value=\"new\" selected>");
        DashboardFixtures.text(SERVICE, business, caller, "2");
        DashboardFixtures.text(SERVICE, business, caller, "today");
        String refresh = owner.get("/leads/" + lead + "/conversation?v=" + version(page), HTMX)
                .body();
        assertThat(refresh)
                .contains("id=\"answers\" class=\"card\" aria-labelledby=\"answers-heading\" hx-swap-oob=\"true\"")
                .contains("<dd>Install</dd>", "<dd>Today</dd>")
                .contains("<option value=\"qualified\" selected>");

        // The owner moves it on: the refresh then leaves the form (and its "Saved") alone.
        owner.get("/leads/" + lead);
        HttpResponse<String> saved = owner.postExactly(
                "/leads/" + lead + "/status",
                Map.of("status", "booked"),
                Map.of("HX-Request", "true", "X-CSRF-Token", owner.csrfToken()));
        assertThat(saved.body()).contains("Saved: Booked.", "&amp;s=booked");
        DashboardFixtures.text(SERVICE, business, caller, "94110");
        String after = owner.get("/leads/" + lead + "/conversation?v=" + version(saved.body()) + "&s=booked", HTMX)
                .body();
        assertThat(after).contains("<dd>94110</dd>").doesNotContain("id=\"status-form\"");
    }

    @Test
    void theApiRepliesThroughTheSameUseCaseAndAnIdempotencyKeyQueuesOneText() throws Exception {
        String path = "/api/businesses/" + business.id() + "/leads/" + lead + "/messages";
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());
        OwnerApiClient.Answer first = api().send(IDP.token("owner_r"), "POST", path, Map.of("body", "On my way"), key);
        assertThat(first.status()).as(String.valueOf(first.json())).isEqualTo(201);
        assertThat(first.text("deliveryState")).isEqualTo("QUEUED");
        assertThat(first.text("sentBy")).isEqualTo("owner_r");
        assertThat(first.text("direction")).isEqualTo("OUTBOUND");

        List<String> ids = Concurrently.times(
                8,
                () -> api().send(IDP.token("owner_r"), "POST", path, Map.of("body", "On my way"), key)
                        .text("id"));
        assertThat(ids).containsOnly(first.text("id"));
        assertThat(deliverQueued()).containsExactly(caller + ": On my way");

        OwnerApiClient.Answer transcript =
                api().get(IDP.token("agent_r"), "/api/businesses/" + business.id() + "/leads/" + lead);
        assertThat(transcript.json().get("transcript").findValuesAsText("body")).containsOnlyOnce("On my way");
    }

    @Test
    void aCallerWhoOptedOutIsNotTextedAndTheOwnerIsToldWhy() {
        DashboardFixtures.text(SERVICE, business, caller, "STOP");
        DashboardClient owner = signedIn("owner_r");
        String page = owner.get("/leads/" + lead).body();
        assertThat(page).contains("The caller opted out (they texted STOP)").doesNotContain("id=\"reply-body\"");

        HttpResponse<String> viaPage = owner.post(
                "/leads/" + lead + "/messages", Map.of("body", "Are you there?", "replyKey", "k-" + UUID.randomUUID()));
        assertThat(viaPage.statusCode()).isEqualTo(409);
        assertThat(viaPage.body()).contains("The caller opted out");

        OwnerApiClient.Answer viaApi = api().post(
                        IDP.token("owner_r"),
                        "/api/businesses/" + business.id() + "/leads/" + lead + "/messages",
                        Map.of("body", "Are you there?"));
        assertThat(viaApi.status()).isEqualTo(409);
        assertThat(viaApi.text("message")).contains("opted out");
        assertThat(deliverQueued()).isEmpty();
        assertThat(count("SELECT count(*) FROM messages WHERE body = 'Are you there?'"))
                .isZero();
    }

    @Test
    void aRefusedReplyKeepsWhatWasTypedAndSaysWhy() {
        DashboardClient owner = signedIn("owner_r");
        owner.get("/leads/" + lead);
        HttpResponse<String> empty = owner.postExactly(
                "/leads/" + lead + "/messages",
                Map.of("body", "   ", "replyKey", "k-empty"),
                Map.of("HX-Request", "true", "X-CSRF-Token", owner.csrfToken()));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.headers().firstValue("HX-Retarget")).hasValue("#reply-form");
        assertThat(empty.body()).contains("Type a message first.", "aria-invalid=\"true\"");

        String tooLong = "x".repeat(1601);
        OwnerApiClient.Answer viaApi = api().post(
                        IDP.token("owner_r"),
                        "/api/businesses/" + business.id() + "/leads/" + lead + "/messages",
                        Map.of("body", tooLong));
        assertThat(viaApi.status()).isEqualTo(422);
        assertThat(viaApi.text("field")).isEqualTo("body");
    }

    @Test
    void noReplyGoesOutWhileTextingIsPaused() {
        SERVICE.transactions().inTransaction(r -> {
            r.businesses()
                    .setManualSubscription(
                            business.id(), SubscriptionStatus.CANCELED, PlanTier.STARTER, java.time.Instant.now());
            return null;
        });
        DashboardClient owner = signedIn("owner_r");
        assertThat(owner.get("/leads/" + lead).body())
                .contains("Texting is paused")
                .doesNotContain("id=\"reply-body\"");
        OwnerApiClient.Answer viaApi = api().post(
                        IDP.token("owner_r"),
                        "/api/businesses/" + business.id() + "/leads/" + lead + "/messages",
                        Map.of("body", "Hello?"));
        assertThat(viaApi.status()).isEqualTo(409);
        assertThat(viaApi.text("message")).contains("Texting is paused");
        assertThat(deliverQueued()).isEmpty();
    }

    @Test
    void anotherBusinessCannotReplyToThisLead() {
        Business other = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        DashboardFixtures.member(SERVICE, other, "owner_x", Role.OWNER);
        for (String path : List.of(
                "/api/businesses/" + business.id() + "/leads/" + lead + "/messages",
                "/api/businesses/" + other.id() + "/leads/" + lead + "/messages")) {
            assertThat(api().post(IDP.token("owner_x"), path, Map.of("body", "Hi"))
                            .status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(deliverQueued()).isEmpty();
    }

    /** Sends what is due through the service's dispatcher; returns "to: body" of each text that went out. */
    private List<String> deliverQueued() {
        int before = SERVICE.twilio.sentMessages().size();
        for (List<OutboundMessage> claimed = outbox.claimDue(50); !claimed.isEmpty(); claimed = outbox.claimDue(50)) {
            claimed.forEach(outbox::deliver);
        }
        return SERVICE.twilio.sentMessages().stream()
                .skip(before)
                .map(form -> form.get("To") + ": " + form.get("Body"))
                .toList();
    }

    private static String sid(String messageId) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT twilio_sid FROM messages WHERE id = CAST(:id AS uuid)")
                        .bind("id", messageId)
                        .mapTo(String.class)
                        .one());
    }

    private static String version(String html) {
        Matcher matcher = VERSION.matcher(html);
        assertThat(matcher.find()).as("the conversation refreshes itself").isTrue();
        return matcher.group(1);
    }

    private static DashboardClient signedIn(String subject) {
        DashboardClient browser = new DashboardClient(SERVICE.app.getLocalPort());
        browser.signInAs(subject);
        browser.get("/leads");
        return browser;
    }

    private static OwnerApiClient api() {
        return SERVICE.owner();
    }

    private static int count(String sql) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
