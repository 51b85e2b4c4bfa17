package com.callbackcloser.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.api.stripe.StripeEvents;
import com.callbackcloser.api.testing.Gen;
import com.callbackcloser.api.testing.Property;
import com.callbackcloser.api.twilio.Twiml;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ComplianceKeyword;
import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.PhoneNumbers;
import com.callbackcloser.core.model.Qualification;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.Strings;
import com.callbackcloser.core.model.Subscription;
import com.callbackcloser.core.model.TextTiming;
import com.callbackcloser.core.service.Conversation;
import com.callbackcloser.core.service.ConversationStep;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pure readers and writers behind the endpoints, under any text at all (unpaired surrogates included, which
 * no HTTP request can carry but a JSON escape can): they answer or refuse, never throw anything else, and the
 * TwiML writer makes well-formed XML of every text the name rules let through. No service is started: these run
 * with the unit tests.
 */
class HostileTextPropertiesTest {
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

    /** What only a JSON escape can carry: surrogates without their other half, and the last code units. */
    private static final List<String> UNPAIRED =
            List.of("\ud800", "\udfff", "a\udc00", "\ud83d", "\udd27\ud83d", "\ud83d\ud83d", "\uffff", "\u0000");

    @Test
    void textTheNameRulesAcceptMakesWellFormedTwiml() {
        Property.tries(1_000).forAll(anyText(), text -> {
            if (Strings.hasForbiddenCharacter(text)) {
                return;
            }
            String twiml = Twiml.message(text);
            Verdicts.xml(twiml.getBytes(StandardCharsets.UTF_8), twiml);
        });
    }

    /** A caller's text in a conversation state. */
    record Reply(ConversationState state, String text) {}

    @Test
    void everyConversationStepAnswersAnyText() {
        Gen<ConversationState> states = Gen.of(ConversationState.class);
        Gen<String> texts = anyText();
        Property.tries(1_000).forAll(random -> new Reply(states.next(random), texts.next(random)), reply -> {
            String text = reply.text();
            ConversationStep step = Conversation.step(reply.state(), text, BUSINESS, Qualification.EMPTY);

            assertThat(step.next()).isNotNull();
            assertThat(step.reply()).isNotBlank();
            for (String stored : new String[] {
                step.qualification().service(), step.qualification().contactName()
            }) {
                if (stored != null && !stored.equals(labelChosenBy(text))) {
                    assertThat(text.strip()).startsWith(stored);
                    boolean cut = stored.length() < text.strip().length();
                    assertThat(cut && Character.isHighSurrogate(stored.charAt(stored.length() - 1)))
                            .as("cut through a surrogate pair: %s", stored)
                            .isFalse();
                }
            }
        });
    }

    @Test
    void keywordsAndPhoneNumbersReadAnyText() {
        Property.tries(1_000).forAll(anyText(), text -> {
            ComplianceKeyword.of(text);
            PhoneNumbers.normalize(text);
            PhoneNumbers.isTextable(text);
            PhoneNumbers.maskAll(text);
        });
    }

    @Test
    void aStripePayloadIsShallowJsonOrRefused() {
        Property.tries(500).forAll(anyText(), text -> {
            try {
                StripeEvents.requireShallow(text);
            } catch (IllegalArgumentException refused) {
                assertThat(refused).hasMessageContaining("not JSON");
            }
        });
    }

    /** Every depth from 1 to 200, not a sample of them: the limit sits between 64 and 65. */
    @Test
    void nestingIsAcceptedToDepth64() {
        for (int depth = 1; depth <= 200; depth++) {
            String nested = "{\"a\":".repeat(depth - 1) + "[]" + "}".repeat(depth - 1);
            if (depth <= 64) {
                StripeEvents.requireShallow(nested);
            } else {
                assertThatThrownBy(() -> StripeEvents.requireShallow(nested))
                        .as("depth %d", depth)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    /** The label a reply of 1, 2 or 3 (with any punctuation around it) picks, if it is one. */
    private static String labelChosenBy(String text) {
        return switch (text.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "")) {
            case "1" -> BUSINESS.serviceLabels().first();
            case "2" -> BUSINESS.serviceLabels().second();
            case "3" -> BUSINESS.serviceLabels().third();
            default -> null;
        };
    }

    /** Every UTF-16 string: the hostile ones, and random chars including unpaired surrogates. */
    private static Gen<String> anyText() {
        return Gen.frequency(
                Gen.weight(5, HostileText.strings()),
                Gen.weight(4, Gen.strings(Gen.chars(Character.MIN_VALUE, Character.MAX_VALUE), 0, 300)),
                Gen.weight(1, Gen.of(UNPAIRED)));
    }
}
