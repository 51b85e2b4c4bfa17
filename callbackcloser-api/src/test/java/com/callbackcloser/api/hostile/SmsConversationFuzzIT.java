package com.callbackcloser.api.hostile;

import static com.callbackcloser.api.testing.Gen.weight;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.hostile.Forms.Param;
import com.callbackcloser.api.testing.Gen;
import com.callbackcloser.api.testing.Property;
import com.callbackcloser.api.testing.Tally;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ComplianceKeyword;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The SMS conversation under random texts. Each try is a fresh caller with a missed-call lead at an active
 * business, who then sends a sequence of texts (Unicode, emoji, RTL, control characters, bodies up to Twilio's
 * 1,600 characters and beyond, the opt-out keywords in odd spellings, and Twilio's retries of earlier ones).
 * Every answer is a 4xx or a 200 with well-formed TwiML; afterwards each accepted MessageSid is stored exactly
 * once, as sent, on the lead, a retry is a duplicate (a keyword too: it changes nothing), and the caller's consent
 * is what their last new keyword said.
 */
class SmsConversationFuzzIT {
    private static final String OWNER = "+14155550177";
    private static final Set<String> CONVERSATION_DECISIONS =
            Set.of("answer_accepted", "answer_not_understood", "conversation_completed", "already_completed");
    private static final AtomicInteger CALLERS = new AtomicInteger();

    private static HostileService service;
    private static Sentinel sentinel;

    @BeforeAll
    static void start() {
        service = HostileService.start();
        sentinel = Sentinel.plant(service.service);
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @AfterEach
    void healthyAndTheSentinelUntouched() {
        service.assertHealthy();
        sentinel.assertUnchanged();
    }

    /** A text, or Twilio delivering an earlier one again ({@code retryOf} picks which). */
    record Text(String body, Optional<Integer> retryOf) {}

    /** What was sent and what came back. */
    record Delivery(String sid, String body, int status, String decision) {}

    @Test
    void randomConversationsAreAnsweredAndStoredOncePerMessageSid() {
        Property.tries(200).forAll(conversations(), SmsConversationFuzzIT::converse);
    }

    private static void converse(List<Text> texts, Tally tally) {
        Business business = TestBusinesses.create(
                service.service.transactions(), SubscriptionStatus.ACTIVE, TestBusinesses.nextTwilioNumber(), OWNER);
        String caller = String.format("+1415555%04d", 1000 + CALLERS.incrementAndGet());
        UUID lead = missedCall(business, caller);

        List<Delivery> deliveries = new ArrayList<>();
        for (Text text : texts) {
            Optional<Delivery> original =
                    text.retryOf().filter(i -> !deliveries.isEmpty()).map(i -> deliveries.get(i % deliveries.size()));
            String sid = original.map(Delivery::sid).orElseGet(SmsConversationFuzzIT::newMessageSid);
            String body = original.map(Delivery::body).orElse(text.body());
            Delivery delivery = text(business, caller, sid, body);
            deliveries.add(delivery);
            tally.collect("decision", delivery.decision());
            if (delivery.status() != 200) {
                continue;
            }
            Optional<ComplianceKeyword> keyword = ComplianceKeyword.of(body);
            boolean retried = deliveries.stream()
                    .limit(deliveries.size() - 1L)
                    .anyMatch(d -> d.sid().equals(sid) && d.status() == 200);
            if (retried) {
                assertThat(delivery.decision()).as("a retry of %s", delivery).isEqualTo("duplicate");
            } else if (keyword.isPresent()) {
                assertThat(delivery.decision())
                        .as("%s", delivery)
                        .isEqualTo(
                                switch (keyword.get()) {
                                    case STOP -> "opted_out";
                                    case START -> "opted_in";
                                    case HELP -> "help";
                                });
            } else {
                assertThat(delivery.decision()).as("%s", delivery).isIn(CONVERSATION_DECISIONS);
            }
        }

        assertStoredOncePerMessageSid(business, caller, lead, deliveries);
        assertTheAnswersComeFromTheTexts(lead, deliveries);
        assertThat(leadState(lead)).isNotEqualTo("NOT_STARTED");
        assertConsentFollowsTheLastKeyword(business, caller, deliveries);
    }

    private static void assertStoredOncePerMessageSid(
            Business business, String caller, UUID lead, List<Delivery> deliveries) {
        Map<String, Delivery> firstAccepted = new LinkedHashMap<>();
        deliveries.stream().filter(d -> d.status() == 200).forEach(d -> firstAccepted.putIfAbsent(d.sid(), d));
        List<Map<String, Object>> inbound = service.service
                .jdbi()
                .withHandle(h ->
                        h.createQuery("""
                                SELECT twilio_sid, body, lead_id, from_number FROM messages
                                 WHERE business_id = :b AND direction = 'INBOUND' ORDER BY seq""").bind("b", business.id()).mapToMap().list());
        assertThat(inbound)
                .extracting(row -> row.get("twilio_sid"))
                .as("inbound texts stored, one per accepted MessageSid")
                .containsExactlyElementsOf(firstAccepted.keySet());
        for (Map<String, Object> row : inbound) {
            Delivery delivery = firstAccepted.get((String) row.get("twilio_sid"));
            assertThat(row.get("body")).as("the text as sent").isEqualTo(delivery.body());
            assertThat(row.get("lead_id")).isEqualTo(lead);
            assertThat(row.get("from_number")).isEqualTo(caller);
        }
    }

    /** The service and name the lead stores are the caller's own words (or a label), cut short at most. */
    private static void assertTheAnswersComeFromTheTexts(UUID lead, List<Delivery> deliveries) {
        Map<String, Object> answers = service.service
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT service, contact_name FROM leads WHERE id = :id")
                        .bind("id", lead)
                        .mapToMap()
                        .one());
        List<String> texts = deliveries.stream()
                .filter(d -> d.status() == 200)
                .map(d -> d.body().strip())
                .toList();
        String service = (String) answers.get("service");
        if (service != null && !List.of("Repair", "Install", "Maintenance").contains(service)) {
            assertThat(texts).as("texts that the service %s came from", service).anyMatch(t -> t.startsWith(service));
        }
        String name = (String) answers.get("contact_name");
        if (name != null) {
            assertThat(texts).as("texts that the name %s came from", name).anyMatch(t -> t.startsWith(name));
        }
    }

    private static void assertConsentFollowsTheLastKeyword(
            Business business, String caller, List<Delivery> deliveries) {
        Optional<ComplianceKeyword> last = Optional.empty();
        Set<String> seen = new java.util.HashSet<>();
        for (Delivery delivery : deliveries) {
            Optional<ComplianceKeyword> keyword = ComplianceKeyword.of(delivery.body());
            // Only a MessageSid's first accepted delivery counts: a retry of an old keyword changes nothing.
            boolean first = delivery.status() == 200 && seen.add(delivery.sid());
            if (first && keyword.isPresent() && keyword.get() != ComplianceKeyword.HELP) {
                last = keyword;
            }
        }
        List<Boolean> optedOut = service.service
                .jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT opted_out FROM sms_consents WHERE business_id = :b AND phone = :p")
                                .bind("b", business.id())
                                .bind("p", caller)
                                .mapTo(Boolean.class)
                                .list());
        if (last.isEmpty()) {
            assertThat(optedOut).as("no STOP or START, no consent record").isEmpty();
        } else {
            assertThat(optedOut).containsExactly(last.get() == ComplianceKeyword.STOP);
        }
    }

    private static UUID missedCall(Business business, String caller) {
        List<Param> form = List.of(
                new Param("AccountSid", TwilioFake.ACCOUNT_SID),
                new Param("CallSid", "CA" + UUID.randomUUID().toString().replace("-", "")),
                new Param("From", caller),
                new Param("To", business.twilioNumber()),
                new Param("DialCallStatus", "no-answer"));
        RawHttp.Answer answer = service.send(signed("/api/twilio/status", form));
        assertThat(answer.header("X-CallbackCloser-Decision"))
                .as(answer.describe())
                .contains("text_queued");
        return service.service
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM leads WHERE business_id = :b")
                        .bind("b", business.id())
                        .mapTo(UUID.class)
                        .one());
    }

    private static Delivery text(Business business, String caller, String sid, String body) {
        List<Param> form = List.of(
                new Param("ToCountry", "US"),
                new Param("SmsMessageSid", sid),
                new Param("NumMedia", "0"),
                new Param("SmsSid", sid),
                new Param("SmsStatus", "received"),
                new Param("Body", body),
                new Param("To", business.twilioNumber()),
                new Param("NumSegments", "1"),
                new Param("MessageSid", sid),
                new Param("AccountSid", TwilioFake.ACCOUNT_SID),
                new Param("From", caller),
                new Param("ApiVersion", "2010-04-01"));
        RawHttp.Request request = signed("/api/twilio/sms", form);
        RawHttp.Answer answer = service.send(request);
        String decision = answer.header("X-CallbackCloser-Decision").orElse("(" + answer.status() + ")");
        Document twiml = Verdicts.twimlOr4xx(request, answer);
        // A keyword is answered on its first delivery; a retry of one is a duplicate, answered with nothing.
        if (twiml != null && ComplianceKeyword.of(body).isPresent() && !"duplicate".equals(decision)) {
            NodeList messages = twiml.getDocumentElement().getElementsByTagName("Message");
            assertThat(messages.getLength()).as(answer.describe()).isEqualTo(1);
            assertThat(messages.item(0).getTextContent()).as(answer.describe()).contains("Acme Plumbing");
        }
        if (twiml != null && "duplicate".equals(decision)) {
            assertThat(twiml.getDocumentElement()
                            .getElementsByTagName("Message")
                            .getLength())
                    .as("a duplicate is not answered: %s", answer.describe())
                    .isZero();
        }
        return new Delivery(sid, body, answer.status(), decision);
    }

    private static RawHttp.Request signed(String path, List<Param> form) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        headers.put("X-Twilio-Signature", TwilioWebhookFuzzIT.signature(path, Forms.firstValues(form)));
        return RawHttp.Request.post(path, headers, Forms.encode(form));
    }

    private static String leadState(UUID lead) {
        return service.service
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT conversation_state FROM leads WHERE id = :id")
                        .bind("id", lead)
                        .mapTo(String.class)
                        .one());
    }

    private static String newMessageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Gen<List<Text>> conversations() {
        Gen<Optional<Integer>> retry = Gen.frequency(
                weight(4, Gen.constant(Optional.<Integer>empty())),
                weight(1, Gen.ints(0, 20).map(Optional::of)));
        Gen<String> bodies = bodies();
        Gen<Text> text = random -> new Text(bodies.next(random), retry.next(random));
        Gen<List<Text>> anything = text.list(1, 8);
        // Some callers answer every question first, so the later states and the completed conversation (whose
        // last answer, a name, is free text) meet the random texts too.
        Gen<String> names = HostileText.strings();
        Gen<List<Text>> answersFirst = random -> {
            int answered = random.nextInt(1, 6);
            String name = names.next(random);
            List<Text> texts = new ArrayList<>();
            List.of("2", "asap", "02134", "evening", name)
                    .subList(0, answered)
                    .forEach(body -> texts.add(new Text(body, Optional.empty())));
            texts.addAll(anything.next(random));
            return texts;
        };
        return Gen.frequency(weight(2, anything), weight(1, answersFirst));
    }

    /** What callers text: the keywords in every spelling, the expected answers, and anything at all. */
    static Gen<String> bodies() {
        Gen<String> keywords = Gen.of(
                "STOP",
                "stop",
                "Stop.",
                "sToP!!",
                " stop please",
                "STOP\n",
                "\tStop",
                "stop🙏",
                "«stop»",
                "\u200fstop",
                "\u200bstop",
                "ＳＴＯＰ",
                "s t o p",
                "don't stop",
                "UNSUBSCRIBE",
                "cancel",
                "End",
                "QUIT!",
                "stopall",
                "START",
                "start",
                "Yes",
                "YES!",
                "unstop",
                "HELP",
                "help?",
                "HeLp me",
                "info");
        Gen<String> answers = Gen.of(
                "1",
                "2",
                "3",
                "0",
                "4",
                "-1",
                "1 ",
                "١",
                "１",
                "one",
                "Repair",
                "install",
                "maintenance",
                "today",
                "asap",
                "this week",
                "emergency",
                "whenever",
                "12345",
                "02134-1234",
                "1234",
                "123456",
                "99999",
                "morning",
                "afternoon",
                "evening",
                "anytime",
                "skip",
                "Dana Scully",
                "O'Brien & <Sons>");
        return Gen.frequency(
                weight(3, keywords),
                weight(4, answers),
                weight(4, HostileText.strings()),
                weight(1, HostileText.text(1_600, 1_600)),
                weight(1, HostileText.text(1_601, 6_000)));
    }
}
