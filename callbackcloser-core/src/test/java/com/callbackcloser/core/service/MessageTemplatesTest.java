package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.Subscription;
import com.callbackcloser.core.model.TextTiming;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageTemplatesTest {
    /** The GSM 03.38 basic character set (one segment holds 160 of these). */
    private static final Pattern GSM7 =
            Pattern.compile("[A-Za-z0-9 @£$¥èéùìòÇ\\nØø\\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,\\-./:;<=>?¡ÄÖÑÜ§¿äöñüà]*");

    @Test
    void servicePromptNamesTheBusinessTheChoicesAndTheOptOutInOneSegment() {
        String text = MessageTemplates.servicePrompt(business("Acme Plumbing & Heating"));
        assertThat(text)
                .contains("Acme Plumbing & Heating")
                .contains("1 Repair", "2 Install", "3 Maintenance")
                .contains("STOP");
        assertThat(text).hasSizeLessThanOrEqualTo(160).matches(GSM7);
    }

    @ParameterizedTest
    @EnumSource(
            value = ConversationState.class,
            names = {"AWAITING_SERVICE", "AWAITING_URGENCY", "AWAITING_ZIP", "AWAITING_BEST_TIME", "AWAITING_NAME"})
    void theFollowUpNamesTheBusinessAndTheOptOutInOneSegment(ConversationState waitingFor) {
        String text = MessageTemplates.followUp(business("Acme Plumbing & Heating"), waitingFor);

        assertThat(text).startsWith("Acme Plumbing & Heating here again").contains("STOP");
        assertThat(text).hasSizeLessThanOrEqualTo(160).matches(GSM7);
        assertThat(text.contains("1 Repair, 2 Install, 3 Maintenance"))
                .isEqualTo(waitingFor == ConversationState.AWAITING_SERVICE);
    }

    @Test
    void afterHoursPromptSaysWeAreClosedAsksTheSameQuestionAndNamesTheOptOutInOneSegment() {
        String text = MessageTemplates.afterHoursPrompt(business("Acme Plumbing & Heating"));
        assertThat(text)
                .startsWith("Acme Plumbing & Heating is closed now")
                .contains("1 Repair, 2 Install, 3 Maintenance")
                .contains("Reply STOP to opt out.");
        assertThat(text).hasSizeLessThanOrEqualTo(160).matches(GSM7);
    }

    private static Business business(String name) {
        return new Business(
                UUID.randomUUID(),
                name,
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
    }
}
