package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.MessageTemplate;
import com.callbackcloser.core.model.Qualification;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.Subscription;
import com.callbackcloser.core.model.TemplateKind;
import com.callbackcloser.core.model.TextTemplates;
import com.callbackcloser.core.model.TextTiming;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The business's own wording replaces the first and the last text of the conversation, nothing else. */
class ConversationTemplatesTest {
    private static final Business BUSINESS = new Business(
            UUID.randomUUID(),
            "Acme Plumbing",
            "+14155550199",
            null,
            20,
            ServiceLabels.DEFAULTS,
            Business.DEFAULT_TIME_ZONE,
            TextTiming.DEFAULTS,
            false,
            "+14155550100",
            null,
            Subscription.NONE,
            Instant.EPOCH);
    private static final TextTemplates CUSTOM = new TextTemplates(Map.of(
            TemplateKind.FIRST_TEXT,
            new MessageTemplate(
                    TemplateKind.FIRST_TEXT, "Hi from {business}! Reply {services}. Reply STOP to opt out."),
            TemplateKind.COMPLETION_TEXT,
            new MessageTemplate(TemplateKind.COMPLETION_TEXT, "All set - {business} will call you today.")));

    @Test
    void theCompletionTemplateIsTheLastTextOfTheConversation() {
        ConversationStep step =
                Conversation.step(ConversationState.AWAITING_NAME, "Ann", BUSINESS, Qualification.EMPTY, CUSTOM);

        assertThat(step.next()).isEqualTo(ConversationState.COMPLETED);
        assertThat(step.qualification().contactName()).isEqualTo("Ann");
        assertThat(step.reply()).isEqualTo("All set - Acme Plumbing will call you today.");
    }

    @Test
    void withoutATemplateTheBuiltInTextsStay() {
        assertThat(Conversation.step(
                                ConversationState.AWAITING_NAME,
                                "Ann",
                                BUSINESS,
                                Qualification.EMPTY,
                                TextTemplates.BUILT_IN)
                        .reply())
                .isEqualTo(MessageTemplates.completed(BUSINESS, "Ann"));
        assertThat(Conversation.step(ConversationState.NOT_STARTED, "hi", BUSINESS, Qualification.EMPTY)
                        .reply())
                .isEqualTo(MessageTemplates.servicePrompt(BUSINESS));
    }

    @Test
    void theFirstTextTemplateStartsAConversationTheCallerStartedByText() {
        assertThat(Conversation.step(ConversationState.NOT_STARTED, "hi", BUSINESS, Qualification.EMPTY, CUSTOM)
                        .reply())
                .isEqualTo("Hi from Acme Plumbing! Reply 1 Repair, 2 Install, 3 Maintenance. Reply STOP to opt out.");
    }

    @Test
    void theQuestionsInBetweenAreOurs() {
        assertThat(Conversation.step(ConversationState.AWAITING_SERVICE, "1", BUSINESS, Qualification.EMPTY, CUSTOM)
                        .reply())
                .isEqualTo(MessageTemplates.urgencyPrompt("Repair"));
        assertThat(Conversation.usesTemplates(ConversationState.AWAITING_ZIP)).isFalse();
        assertThat(Conversation.usesTemplates(ConversationState.AWAITING_NAME)).isTrue();
    }
}
