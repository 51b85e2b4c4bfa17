package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.Qualification;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.Subscription;
import com.callbackcloser.core.model.TextTiming;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationTest {
    private static final Business BUSINESS = new Business(
            UUID.randomUUID(),
            "Acme Plumbing",
            "+14155550199",
            null,
            20,
            new ServiceLabels("Leak repair", "Water heater", "Drain cleaning"),
            Business.DEFAULT_TIME_ZONE,
            TextTiming.DEFAULTS,
            false,
            "+14155550100",
            null,
            Subscription.NONE,
            Instant.EPOCH);
    private static final Qualification SERVICE_GIVEN = Qualification.EMPTY.withService("Water heater", "2");

    @Test
    void notStartedAnswersAnythingWithTheServicePrompt() {
        ConversationStep step = step(ConversationState.NOT_STARTED, "hello?");

        assertThat(step.next()).isEqualTo(ConversationState.AWAITING_SERVICE);
        assertThat(step.reply()).isEqualTo(MessageTemplates.servicePrompt(BUSINESS));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1|Leak repair",
                "2|Water heater",
                "3|Drain cleaning",
                " 2. |Water heater",
                "My basement is flooding|My basement is flooding"
            })
    void serviceIsANumberedLabelOrTheCallersOwnWords(String reply, String service) {
        ConversationStep step = step(ConversationState.AWAITING_SERVICE, reply);

        assertThat(step.next()).isEqualTo(ConversationState.AWAITING_URGENCY);
        assertThat(step.qualification().service()).isEqualTo(service);
        assertThat(step.qualification().serviceRaw()).isEqualTo(reply.strip());
        assertThat(step.qualified()).isTrue();
        assertThat(step.reply()).contains("How urgent");
    }

    @Test
    void aLongDescriptionIsStoredWholeButNotEchoedBack() {
        String description = "Water is coming through the ceiling of the downstairs bathroom since this morning";
        ConversationStep step = step(ConversationState.AWAITING_SERVICE, description);

        assertThat(step.qualification().service()).isEqualTo(description);
        assertThat(step.reply()).startsWith("Got it. How urgent");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1|Emergency",
                "emergency|Emergency",
                "URGENT|Emergency",
                "Urgent!|Emergency",
                "2|Today",
                "today|Today",
                "ASAP|Today",
                "3|This week",
                "week|This week",
                "this week|This week",
                "This  Week|This week",
                "4|Quote",
                "quote|Quote",
                "Estimate|Quote"
            })
    void everyUrgencySynonym(String reply, String urgency) {
        ConversationStep step = step(ConversationState.AWAITING_URGENCY, reply);

        assertThat(step.next()).isEqualTo(ConversationState.AWAITING_ZIP);
        assertThat(step.qualification().urgency()).isEqualTo(urgency);
        assertThat(step.qualification().service()).isEqualTo("Water heater");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "12345|12345",
                "12345-6789|12345-6789",
                " 02134 |02134",
                "K1A 0B6|K1A 0B6",
                "k1a 0b6|K1A 0B6",
                "SW1A 1AA|SW1A 1AA",
                "abc|ABC",
                "1234567890|1234567890"
            })
    void zipCodesAndPostalCodes(String reply, String zip) {
        ConversationStep step = step(ConversationState.AWAITING_ZIP, reply);

        assertThat(step.next()).isEqualTo(ConversationState.AWAITING_BEST_TIME);
        assertThat(step.qualification().zip()).isEqualTo(zip);
        assertThat(step.notifyOwner()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "12345678901", "zip?", "1234!", "", "   ", "--- "})
    void notAZip(String reply) {
        ConversationStep step = step(ConversationState.AWAITING_ZIP, reply);

        assertThat(step.next()).isEqualTo(ConversationState.AWAITING_ZIP);
        assertThat(step.accepted()).isFalse();
        assertThat(step.notifyOwner()).isFalse();
        assertThat(step.reply()).isEqualTo(MessageTemplates.zipRetry());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1|Morning", "morning|Morning", "AM|Morning",
                "2|Afternoon", "afternoon|Afternoon", "pm|Afternoon",
                "3|Evening", "Evening.|Evening", "tonight|Evening"
            })
    void everyBestTimeSynonym(String reply, String bestTime) {
        ConversationStep step = step(ConversationState.AWAITING_BEST_TIME, reply);

        assertThat(step.next()).isEqualTo(ConversationState.AWAITING_NAME);
        assertThat(step.qualification().bestTime()).isEqualTo(bestTime);
        assertThat(step.reply()).isEqualTo(MessageTemplates.namePrompt());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "AWAITING_SERVICE|''",
                "AWAITING_URGENCY|soon-ish",
                "AWAITING_URGENCY|5",
                "AWAITING_BEST_TIME|whenever",
                "AWAITING_BEST_TIME|4"
            })
    void aReplyThatDoesNotAnswerRepeatsTheQuestion(ConversationState state, String reply) {
        ConversationStep step = step(state, reply);

        assertThat(step.next()).isEqualTo(state);
        assertThat(step.accepted()).isFalse();
        assertThat(step.qualification()).isEqualTo(SERVICE_GIVEN);
    }

    @Test
    void theNameStepTakesAName() {
        ConversationStep step = step(ConversationState.AWAITING_NAME, "  Dana Scully ");

        assertThat(step.next()).isEqualTo(ConversationState.COMPLETED);
        assertThat(step.qualification().contactName()).isEqualTo("Dana Scully");
        assertThat(step.reply()).startsWith("Thanks, Dana Scully! Acme Plumbing has your request");
        assertThat(step.completed()).isTrue();
    }

    @Test
    void aLongAnswerIsCutShortBeforeAnEmojiNotThroughIt() {
        // Cut at 80 or 200 UTF-16 units, each of these would end in half of a 🔧.
        String name = "a" + "\ud83d\udd27".repeat(50);
        String service = "a" + "\ud83d\udd27".repeat(150);

        String storedName =
                step(ConversationState.AWAITING_NAME, name).qualification().contactName();
        String storedService = step(ConversationState.AWAITING_SERVICE, service)
                .qualification()
                .service();

        assertThat(storedName).isEqualTo("a" + "\ud83d\udd27".repeat(39));
        assertThat(storedService).isEqualTo("a" + "\ud83d\udd27".repeat(99));
    }

    @ParameterizedTest
    @ValueSource(strings = {"skip", "SKIP", "Skip.", "no", "n/a", "NA", "", "  "})
    void theNameStepCanBeSkipped(String reply) {
        ConversationStep step = step(ConversationState.AWAITING_NAME, reply);

        assertThat(step.next()).isEqualTo(ConversationState.COMPLETED);
        assertThat(step.qualification().contactName()).isNull();
        assertThat(step.reply()).startsWith("Thanks! Acme Plumbing has your request");
    }

    @Test
    void aCompletedConversationSaysWeAlreadyHaveTheRequest() {
        ConversationStep step = step(ConversationState.COMPLETED, "hello again");

        assertThat(step.next()).isEqualTo(ConversationState.COMPLETED);
        assertThat(step.reply()).isEqualTo(MessageTemplates.alreadyCompleted(BUSINESS));
        assertThat(step.qualification()).isEqualTo(SERVICE_GIVEN);
    }

    @Test
    void everyConversationTextFitsTheOldAppsLengthAndMostFitOneSegment() {
        for (String text : new String[] {
            MessageTemplates.servicePrompt(BUSINESS),
            MessageTemplates.urgencyPrompt("Leak repair"),
            MessageTemplates.urgencyRetry(),
            MessageTemplates.zipPrompt(),
            MessageTemplates.zipRetry(),
            MessageTemplates.bestTimePrompt(),
            MessageTemplates.bestTimeRetry(),
            MessageTemplates.namePrompt(),
            MessageTemplates.completed(BUSINESS, "Dana"),
            MessageTemplates.alreadyCompleted(BUSINESS),
            MessageTemplates.optedOut(BUSINESS),
            MessageTemplates.optedIn(BUSINESS),
            MessageTemplates.help(BUSINESS)
        }) {
            assertThat(text).hasSizeLessThanOrEqualTo(160).doesNotContain("\u2019", "\u2014", "\u201c");
        }
    }

    private static ConversationStep step(ConversationState state, String reply) {
        return Conversation.step(state, reply, BUSINESS, SERVICE_GIVEN);
    }
}
