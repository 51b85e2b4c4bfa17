package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTemplateTest {

    @Test
    void placeholdersAreFilledWithTheBusinessNameAndItsReplyChoices() {
        MessageTemplate template = new MessageTemplate(
                TemplateKind.FIRST_TEXT, "{business} missed you! Reply {services}. {business}. Reply STOP to opt out.");

        assertThat(template.render(business("Acme Plumbing")))
                .isEqualTo("Acme Plumbing missed you! Reply 1 Leaks, 2 Heaters, 3 Drains. Acme Plumbing. "
                        + "Reply STOP to opt out.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{name}", "{Business}", "{ business }", "{}", "{", "}", "{business", "{{business}}"})
    void anUnknownPlaceholderOrAStrayBraceIsRefused(String braces) {
        assertThatThrownBy(() -> new MessageTemplate(TemplateKind.COMPLETION_TEXT, "Thanks " + braces))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "completionText")
                .hasMessageContaining("{business} {services}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Sorry we missed you. What do you need?",
                "Sorry we missed you. Reply stop to opt out.",
                "Sorry we missed you. Reply STOPP to opt out.",
                "Sorry we missed you. NONSTOP service!"
            })
    void aTextThatCanBeTheFirstToANumberMustNameStop(String body) {
        for (TemplateKind kind : new TemplateKind[] {TemplateKind.FIRST_TEXT, TemplateKind.AFTER_HOURS_TEXT}) {
            assertThatThrownBy(() -> new MessageTemplate(kind, body))
                    .isInstanceOf(InvalidInputException.class)
                    .hasFieldOrPropertyWithValue("field", kind.field())
                    .hasMessageContaining("Reply STOP to opt out");
        }
        assertThat(new MessageTemplate(TemplateKind.COMPLETION_TEXT, body).body())
                .isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Reply STOP to opt out", "Text STOP to unsubscribe.", "STOP=opt out", "(STOP to end)"})
    void stopAsAWordIsEnough(String optOut) {
        assertThat(new MessageTemplate(TemplateKind.AFTER_HOURS_TEXT, "We're closed. " + optOut).body())
                .endsWith(optOut);
    }

    @Test
    void emptyTooLongOrControlCharactersAreRefused() {
        assertThatThrownBy(() -> new MessageTemplate(TemplateKind.COMPLETION_TEXT, "  "))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new MessageTemplate(TemplateKind.COMPLETION_TEXT, "x".repeat(481)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("480");
        assertThatThrownBy(() -> new MessageTemplate(TemplateKind.COMPLETION_TEXT, "Thanks\u0000"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(new MessageTemplate(TemplateKind.COMPLETION_TEXT, " Thanks!\nSee you soon. ").body())
                .isEqualTo("Thanks!\nSee you soon.");
    }

    private static Business business(String name) {
        return new Business(
                UUID.randomUUID(),
                name,
                "+14155550199",
                null,
                20,
                new ServiceLabels("Leaks", "Heaters", "Drains"),
                Business.DEFAULT_TIME_ZONE,
                TextTiming.DEFAULTS,
                false,
                "+14155550100",
                null,
                Subscription.NONE,
                Instant.EPOCH);
    }
}
