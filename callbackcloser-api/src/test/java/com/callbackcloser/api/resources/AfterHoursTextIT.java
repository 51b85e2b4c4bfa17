package com.callbackcloser.api.resources;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.MessageTemplate;
import com.callbackcloser.core.model.OpenInterval;
import com.callbackcloser.core.model.OpeningHours;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.TemplateKind;
import com.callbackcloser.core.model.TextTemplates;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which first text a missed caller gets, by the business's opening hours, and the business's own wording of the
 * first, after-hours and completion texts, through the real webhooks and PostgreSQL (texts read where the outbox
 * queues them).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AfterHoursTextIT {
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures("outbox.enabled", "false");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final AtomicInteger SIDS = new AtomicInteger();
    private static final OpenInterval ALL_DAY = new OpenInterval(0, OpenInterval.END_OF_DAY);
    private static final String FIRST_TEXT = "Sorry we missed your call - Acme Plumbing here. What do you need? "
            + "Reply 1 Repair, 2 Install, 3 Maintenance, or describe it. Reply STOP to opt out.";
    private static final String AFTER_HOURS_TEXT = "Acme Plumbing is closed now and will call you back. What do you "
            + "need? Reply 1 Repair, 2 Install, 3 Maintenance, or describe it. Reply STOP to opt out.";

    private Business business;
    private String caller;

    @BeforeEach
    void anActiveBusiness() {
        business = TestBusinesses.create(
                SERVICE.transactions(), SubscriptionStatus.ACTIVE, TestBusinesses.nextTwilioNumber(), null);
        caller = String.format("+1415555%04d", 3000 + SIDS.incrementAndGet() % 6000);
    }

    @Test
    void aCallMissedOutsideTheHoursGetsTheAfterHoursText() {
        hours(new OpeningHours(Map.of(), Map.of())); // closed every day

        String lead = missedCall();

        assertThat(outboundTexts(lead)).containsExactly(AFTER_HOURS_TEXT);
    }

    @Test
    void aCallMissedInsideTheHoursGetsTheFirstText() {
        hours(new OpeningHours(everyDay(List.of(ALL_DAY)), Map.of()));

        String lead = missedCall();

        assertThat(outboundTexts(lead)).containsExactly(FIRST_TEXT);
    }

    @Test
    void withoutHoursEveryCallGetsTheFirstText() {
        assertThat(outboundTexts(missedCall())).containsExactly(FIRST_TEXT);
    }

    @Test
    void aHolidayClosesAnOtherwiseOpenDay() {
        // Yesterday, today and tomorrow in any zone: the test does not depend on the hour it runs at.
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        Map<LocalDate, List<OpenInterval>> holidays =
                Map.of(today.minusDays(1), List.of(), today, List.of(), today.plusDays(1), List.of());
        hours(new OpeningHours(everyDay(List.of(ALL_DAY)), holidays));

        assertThat(outboundTexts(missedCall())).containsExactly(AFTER_HOURS_TEXT);
    }

    @Test
    void theBusinessesOwnWordingIsUsedFirstAfterHoursAndAtTheEnd() {
        templates(Map.of(
                TemplateKind.FIRST_TEXT, "{business}: sorry we missed you! Reply {services}. STOP to opt out.",
                TemplateKind.AFTER_HOURS_TEXT,
                        "{business} is closed - we open at 8. Reply {services}. STOP to opt out.",
                TemplateKind.COMPLETION_TEXT, "Got it all. {business} will call you back today."));

        String open = missedCall();
        assertThat(outboundTexts(open))
                .containsExactly("Acme Plumbing: sorry we missed you! Reply 1 Repair, 2 Install, 3 Maintenance. STOP "
                        + "to opt out.");

        for (String reply : List.of("1", "today", "12345", "morning", "Dana")) {
            text(reply);
        }
        List<String> conversation = outboundTexts(open);
        assertThat(conversation).hasSize(6);
        assertThat(conversation.get(5)).isEqualTo("Got it all. Acme Plumbing will call you back today.");
        assertThat(lead(open)).containsEntry("conversation_state", "COMPLETED").containsEntry("contact_name", "Dana");

        hours(new OpeningHours(Map.of(), Map.of()));
        caller = String.format("+1415555%04d", 3000 + SIDS.incrementAndGet() % 6000);
        assertThat(outboundTexts(missedCall()))
                .containsExactly("Acme Plumbing is closed - we open at 8. Reply 1 Repair, 2 Install, 3 Maintenance. "
                        + "STOP to opt out.");
    }

    @Test
    void withoutACompletionTemplateTheLastTextIsTheBuiltInOneWithTheName() {
        String lead = missedCall();
        for (String reply : List.of("1", "today", "12345", "morning", "Dana")) {
            text(reply);
        }
        assertThat(outboundTexts(lead))
                .last()
                .isEqualTo("Thanks, Dana! Acme Plumbing has your request and will call you back soon.");
    }

    private void hours(OpeningHours hours) {
        SERVICE.transactions().inTransaction(repositories -> {
            repositories.openingHours().replace(business.id(), hours, Instant.now());
            return null;
        });
    }

    private void templates(Map<TemplateKind, String> bodies) {
        Map<TemplateKind, MessageTemplate> templates = new EnumMap<>(TemplateKind.class);
        bodies.forEach((kind, body) -> templates.put(kind, new MessageTemplate(kind, body)));
        SERVICE.transactions().inTransaction(repositories -> {
            repositories.textTemplates().replace(business.id(), new TextTemplates(templates), Instant.now());
            return null;
        });
    }

    private static Map<DayOfWeek, List<OpenInterval>> everyDay(List<OpenInterval> intervals) {
        Map<DayOfWeek, List<OpenInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, intervals);
        }
        return week;
    }

    private String missedCall() {
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "CallSid",
                                callSid,
                                "From",
                                caller,
                                "To",
                                business.twilioNumber(),
                                "DialCallStatus",
                                "no-answer"));
        assertThat(response.headers().firstValue("X-CallbackCloser-Decision")).contains("text_queued");
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT l.id FROM leads l JOIN calls c ON c.id = l.call_id WHERE c.call_sid = :sid")
                        .bind("sid", callSid)
                        .mapTo(String.class)
                        .one());
    }

    private void text(String body) {
        String sid = String.format("SM%032d", SIDS.incrementAndGet() * 1_000_003L + System.nanoTime() % 1_000_000);
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/sms",
                        params(
                                "MessageSid", sid,
                                "AccountSid", TwilioFake.ACCOUNT_SID,
                                "From", caller,
                                "To", business.twilioNumber(),
                                "Body", body));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** The texts queued for the lead's caller, oldest first; not the follow-up waiting for the caller to go quiet. */
    private List<String> outboundTexts(String leadId) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("""
                                SELECT body FROM messages
                                 WHERE lead_id = CAST(:lead AS uuid) AND direction = 'OUTBOUND' AND participant = 'LEAD'
                                   AND NOT follow_up
                                 ORDER BY seq
                                """)
                        .bind("lead", leadId)
                        .mapTo(String.class)
                        .list());
    }

    private Map<String, Object> lead(String leadId) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT * FROM leads WHERE id = CAST(:id AS uuid)")
                        .bind("id", leadId)
                        .mapToMap()
                        .one());
    }
}
