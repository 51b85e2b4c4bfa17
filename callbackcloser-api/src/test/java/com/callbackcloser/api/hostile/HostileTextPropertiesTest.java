package com.callbackcloser.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.api.stripe.StripeEvents;
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
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

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

    @Property(tries = 1_000)
    void textTheNameRulesAcceptMakesWellFormedTwiml(@ForAll("anyText") String text) {
        if (Strings.hasForbiddenCharacter(text)) {
            return;
        }
        String twiml = Twiml.message(text);
        Verdicts.xml(twiml.getBytes(StandardCharsets.UTF_8), twiml);
    }

    @Property(tries = 1_000)
    void everyConversationStepAnswersAnyText(@ForAll ConversationState state, @ForAll("anyText") String text) {
        ConversationStep step = Conversation.step(state, text, BUSINESS, Qualification.EMPTY);

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
    }

    @Property(tries = 1_000)
    void keywordsAndPhoneNumbersReadAnyText(@ForAll("anyText") String text) {
        ComplianceKeyword.of(text);
        PhoneNumbers.normalize(text);
        PhoneNumbers.isTextable(text);
        PhoneNumbers.maskAll(text);
    }

    @Property(tries = 500)
    void aStripePayloadIsShallowJsonOrRefused(@ForAll("anyText") String text) {
        try {
            StripeEvents.requireShallow(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessageContaining("not JSON");
        }
    }

    @Property(tries = 100)
    void nestingIsAcceptedToDepth64(@ForAll @IntRange(min = 1, max = 200) int depth) {
        String nested = "{\"a\":".repeat(depth - 1) + "[]" + "}".repeat(depth - 1);
        if (depth <= 64) {
            StripeEvents.requireShallow(nested);
        } else {
            assertThatThrownBy(() -> StripeEvents.requireShallow(nested)).isInstanceOf(IllegalArgumentException.class);
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
    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                HostileText.strings(), Arbitraries.strings().all().ofMaxLength(300));
    }
}
