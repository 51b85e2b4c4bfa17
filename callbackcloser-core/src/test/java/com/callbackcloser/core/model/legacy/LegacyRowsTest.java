package com.callbackcloser.core.model.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.core.model.CallStatus;
import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.TextTiming;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How each old row becomes ours: the old app's values under our rules, refused only where ours refuse them. */
class LegacyRowsTest {
    private static final Instant CREATED = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-02-03T10:00:00Z");

    @Test
    void aBusinessKeepsItsSettingsNumberStripeIdsAndOwnerAndTakesOurDefaultsForWhatTheOldAppHadNot() {
        ImportedBusiness ours = business("Acme Plumbing", "America/Chicago", "(415) 555-0100", "ACTIVE")
                .toOurs();

        assertThat(ours.settings().name()).isEqualTo("Acme Plumbing");
        assertThat(ours.settings().forwardingNumber()).isEqualTo("+14155550199");
        assertThat(ours.settings().notifyPhone()).isEqualTo("+14155550177");
        assertThat(ours.settings().missedCallSeconds()).isEqualTo(25);
        assertThat(ours.settings().serviceLabels().second()).isEqualTo("Heaters");
        assertThat(ours.settings().timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(ours.settings().textTiming()).isEqualTo(TextTiming.DEFAULTS);
        assertThat(ours.settings().callScreening()).isFalse();
        assertThat(ours.twilioNumber()).isEqualTo("+14155550100");
        assertThat(ours.twilioNumberSid()).isEqualTo("PN0001");
        assertThat(ours.subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(ours.subscription().customerId()).isEqualTo("cus_1");
        assertThat(ours.subscription().priceId()).isEqualTo("price_starter");
        assertThat(ours.subscription().statusChangedAt()).isEqualTo(UPDATED);
        assertThat(ours.ownerSubject()).isEqualTo("user_owner");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "name|A|America/New_York|+14155550100|ACTIVE",
                "timeZone|Acme|+02:00|+14155550100|ACTIVE",
                "timeZone|Acme|Mars/Base|+14155550100|ACTIVE",
                "twilioNumber|Acme|America/New_York|12345|ACTIVE",
                "subscriptionStatus|Acme|America/New_York|+14155550100|TRIALING"
            })
    void aBusinessOurRulesRefuseIsRefusedNamingTheField(
            String field, String name, String zone, String twilioNumber, String status) {
        assertThatThrownBy(() -> business(name, zone, twilioNumber, status).toOurs())
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aConsentIsNeverRefusedAndAPhoneThatDoesNotParseIsKeptAsGiven() {
        assertThat(consent("4155550123").toOurs().phone()).isEqualTo("+14155550123");
        assertThat(consent("+14155550123").toOurs().phone()).isEqualTo("+14155550123");
        assertThat(consent("  12345 ").toOurs().phone()).isEqualTo("12345");
        assertThat(consent("anonymous").toOurs().phone()).isEqualTo("anonymous");
        ImportedConsent stop = consent("4155550123").toOurs();
        assertThat(stop.optedOut()).isTrue();
        assertThat(stop.optedOutAt()).isEqualTo(CREATED);
        assertThat(stop.lastKeyword()).isEqualTo("STOP");
    }

    @Test
    void anOutboundTextIsNeverLeftForTheOutbox() {
        Instant atTwilio = Instant.parse("2026-02-01T10:00:02Z");
        ImportedMessage sent = message("OUTBOUND", "SM1", "delivered", atTwilio).toOurs();
        ImportedMessage failedLater =
                message("OUTBOUND", "SM2", "undelivered", null).toOurs();
        ImportedMessage neverSent = message("OUTBOUND", null, "failed", null).toOurs();
        ImportedMessage twimlAnswer = message("OUTBOUND", null, null, null).toOurs();
        ImportedMessage received = message("INBOUND", "SM3", "received", null).toOurs();

        assertThat(sent.deliveryState()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.sentAt()).isEqualTo(atTwilio);
        assertThat(sent.twilioStatus()).isEqualTo("delivered");
        assertThat(failedLater.deliveryState()).isEqualTo(DeliveryState.SENT);
        assertThat(failedLater.sentAt()).isEqualTo(CREATED);
        assertThat(failedLater.twilioStatus()).isEqualTo("undelivered");
        assertThat(neverSent.deliveryState()).isEqualTo(DeliveryState.FAILED);
        assertThat(neverSent.lastError()).contains("old app", "failed");
        assertThat(twimlAnswer.deliveryState()).isEqualTo(DeliveryState.TWIML_REPLY);
        assertThat(received.deliveryState()).isNull();
        assertThat(received.fromNumber()).isEqualTo("+14155550123");
        assertThat(received.toNumber()).isEqualTo("+14155550100");
    }

    @Test
    void aLeadGoesOnAtItsStepWithItsAnswersAndTimestamps() {
        Instant started = Instant.parse("2026-02-01T10:00:05Z");
        ImportedLead ours = new LegacyLead(
                        "lead1",
                        "biz1",
                        null,
                        "(415) 555-0123",
                        "+14155550123",
                        "QUALIFIED",
                        false,
                        "AWAITING_ZIP",
                        "Repair",
                        "1",
                        "Today",
                        null,
                        null,
                        null,
                        null,
                        null,
                        started,
                        null,
                        started,
                        started,
                        started,
                        CREATED,
                        UPDATED)
                .toOurs();

        assertThat(ours.callerRaw()).isEqualTo("(415) 555-0123");
        assertThat(ours.callerNumber()).isEqualTo("+14155550123");
        assertThat(ours.status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(ours.conversationState()).isEqualTo(ConversationState.AWAITING_ZIP);
        assertThat(ours.qualification().service()).isEqualTo("Repair");
        assertThat(ours.qualification().serviceRaw()).isEqualTo("1");
        assertThat(ours.qualification().urgency()).isEqualTo("Today");
        assertThat(ours.smsStartedAt()).isEqualTo(started);
    }

    @ParameterizedTest(name = "{0} answered={1} missed={2} -> {3}")
    @CsvSource({
        "MISSED,false,true,MISSED",
        "completed,true,false,COMPLETED",
        "weird,false,true,MISSED",
        "weird,true,false,ANSWERED",
        "weird,false,false,RECEIVED"
    })
    void aCallKeepsItsStatusAndOneTheOldAppNeverWroteIsReadFromItsFlags(
            String status, boolean answered, boolean missed, CallStatus expected) {
        LegacyCall call = new LegacyCall(
                "call1",
                "biz1",
                "CA1",
                null,
                "CA2",
                "+14155550123",
                "+14155550123",
                "+14155550100",
                "+14155550100",
                "no-answer",
                status,
                30,
                20,
                "RE1",
                "https://api.twilio.com/RE1",
                "completed",
                12,
                answered,
                missed,
                "{\"CallSid\":\"CA1\"}",
                CREATED,
                UPDATED);

        ImportedCall ours = call.toOurs();

        assertThat(ours.status()).isEqualTo(expected);
        assertThat(ours.recording().sid()).isEqualTo("RE1");
        assertThat(ours.recording().durationSeconds()).isEqualTo(12);
        assertThat(ours.rawPayloadJson()).isEqualTo("{\"CallSid\":\"CA1\"}");
    }

    private static LegacyBusiness business(String name, String zone, String twilioNumber, String status) {
        return new LegacyBusiness(
                "biz1",
                "user_owner",
                name,
                "415-555-0199",
                "4155550177",
                25,
                "Leaks",
                "Heaters",
                "Drains",
                zone,
                twilioNumber,
                "PN0001",
                CREATED,
                "cus_1",
                "sub_1",
                "price_starter",
                status,
                UPDATED,
                CREATED,
                UPDATED);
    }

    private static LegacyConsent consent(String phone) {
        return new LegacyConsent(
                "consent1", "biz1", phone, phone, true, CREATED, null, "STOP", "SM9", CREATED, CREATED);
    }

    private static LegacyMessage message(String direction, String sid, String status, Instant twilioCreatedAt) {
        String caller = "+14155550123";
        String business = "+14155550100";
        boolean inbound = direction.equals("INBOUND");
        return new LegacyMessage(
                "msg1",
                "biz1",
                "lead1",
                sid,
                direction,
                "LEAD",
                inbound ? caller : business,
                inbound ? business : caller,
                "hello",
                status,
                null,
                twilioCreatedAt,
                CREATED,
                UPDATED);
    }
}
