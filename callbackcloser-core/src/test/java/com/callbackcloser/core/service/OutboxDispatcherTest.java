package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.fakes.InMemoryOutbox;
import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.OutboundMessage;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.model.Participant;
import com.callbackcloser.core.port.out.SendResult;
import com.callbackcloser.core.port.out.SmsGateway;
import com.callbackcloser.core.port.out.SmsRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final UUID BUSINESS = UUID.randomUUID();
    private static final UUID LEAD = UUID.randomUUID();
    private static final String CALLER = "+14155550123";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final ScriptedGateway gateway = new ScriptedGateway();
    private final OutboxDispatcher dispatcher = new OutboxDispatcher(
            outbox,
            gateway,
            new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(5)),
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> 0.0);

    @Test
    void acceptedTextIsMarkedSentWithItsSidAndTouchesTheLead() {
        UUID id = queue();
        gateway.answers.add(new SendResult.Accepted("SM1", "queued"));

        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(outbox.rows.get(id).state).isEqualTo(DeliveryState.SENT);
        assertThat(outbox.rows.get(id).sid).isEqualTo("SM1");
        assertThat(outbox.leadsTouched).containsExactly(LEAD);
    }

    @Test
    void recipientWhoOptedOutAfterQueueingIsNotTexted() {
        UUID id = queue();
        outbox.recordOptOut(BUSINESS, CALLER, CALLER, "STOP", "SM0", NOW);

        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.SUPPRESSED);
        assertThat(gateway.sent).isEmpty();
        assertThat(outbox.rows.get(id).state).isEqualTo(DeliveryState.SUPPRESSED);
    }

    @Test
    void transientFailureIsRetriedAfterBackoffUntilAttemptsRunOut() {
        UUID id = queue();
        for (int i = 0; i < 3; i++) {
            gateway.answers.add(new SendResult.Refused(null, 503, "Service Unavailable", true));
        }
        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.RETRY_SCHEDULED);
        assertThat(outbox.rows.get(id).state).isEqualTo(DeliveryState.QUEUED);
        assertThat(outbox.rows.get(id).nextAttemptAt).isEqualTo(NOW.plusSeconds(5));

        outbox.rows.get(id).nextAttemptAt = NOW;
        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.RETRY_SCHEDULED);
        assertThat(outbox.rows.get(id).nextAttemptAt).isEqualTo(NOW.plusSeconds(10));

        outbox.rows.get(id).nextAttemptAt = NOW;
        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(outbox.rows.get(id).state).isEqualTo(DeliveryState.FAILED);
        assertThat(outbox.rows.get(id).error).isEqualTo("Service Unavailable");
        assertThat(gateway.sent).hasSize(3);
    }

    @Test
    void permanentRefusalFailsAtOnce() {
        UUID id = queue();
        gateway.answers.add(new SendResult.Refused(21211, 400, "Invalid 'To' Phone Number", false));

        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(outbox.rows.get(id).errorCode).isEqualTo(21211);
        assertThat(outbox.optedOut).isEmpty();
    }

    @Test
    void unsubscribedRecipientFailsAndRecordsTheOptOut() {
        UUID id = queue();
        gateway.answers.add(new SendResult.Refused(21610, 400, "Attempt to send to unsubscribed recipient", false));

        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.FAILED_RECIPIENT_OPTED_OUT);
        assertThat(outbox.rows.get(id).state).isEqualTo(DeliveryState.FAILED);
        assertThat(outbox.isOptedOut(BUSINESS, CALLER)).isTrue();
    }

    @Test
    void aGatewayThatThrowsCountsAsATransientFailure() {
        UUID id = queue();
        gateway.throwOnSend = true;

        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.RETRY_SCHEDULED);
        assertThat(outbox.rows.get(id).state).isEqualTo(DeliveryState.QUEUED);
    }

    @Test
    void aSendWithoutAnAnswerStaysSendingUntilItCanBeLookedUp() {
        UUID id = queue();
        gateway.answers.add(new SendResult.Unknown("Read timed out"));

        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.OUTCOME_UNKNOWN);
        assertThat(outbox.rows.get(id).state).isEqualTo(DeliveryState.SENDING);
        assertThat(dispatcher.claimDue(10)).isEmpty();
    }

    @Test
    void interruptedSendThatTwilioAcceptedIsRecordedNotResent() {
        UUID id = queue();
        OutboundMessage claimed = dispatcher.claimDue(1).get(0);
        outbox.rows.get(id).sendingStartedAt = NOW.minus(Duration.ofMinutes(10));
        gateway.accepted = Optional.of(new SendResult.Accepted("SM-before-crash", "sent"));

        assertThat(dispatcher.settleInterrupted(Duration.ofMinutes(2), 10)).isEqualTo(1);
        assertThat(outbox.rows.get(id).state).isEqualTo(DeliveryState.SENT);
        assertThat(outbox.rows.get(id).sid).isEqualTo("SM-before-crash");
        assertThat(gateway.sent).isEmpty();
        assertThat(gateway.lookedUpSince).containsExactly(NOW.minus(Duration.ofMinutes(12)));
        assertThat(claimed.id()).isEqualTo(id);
    }

    @Test
    void interruptedSendThatNeverReachedTwilioIsQueuedAgain() {
        UUID id = queue();
        dispatcher.claimDue(1);
        outbox.rows.get(id).sendingStartedAt = NOW.minus(Duration.ofMinutes(10));

        dispatcher.settleInterrupted(Duration.ofMinutes(2), 10);
        assertThat(outbox.rows.get(id).state).isEqualTo(DeliveryState.QUEUED);

        gateway.answers.add(new SendResult.Accepted("SM2", "queued"));
        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(gateway.sent).hasSize(1);
    }

    @Test
    void interruptedSendIsHeldWhileTwilioCannotBeAsked() {
        UUID id = queue();
        dispatcher.claimDue(1);
        outbox.rows.get(id).sendingStartedAt = NOW.minus(Duration.ofMinutes(10));
        gateway.lookupFails = true;

        dispatcher.settleInterrupted(Duration.ofMinutes(2), 10);
        assertThat(outbox.rows.get(id).state).isEqualTo(DeliveryState.SENDING);
        assertThat(outbox.rows.get(id).lookedUpAt).as("the lease restarts").isEqualTo(NOW);
        assertThat(outbox.rows.get(id).sendingStartedAt)
                .as("the next look-up still searches from when the send began")
                .isEqualTo(NOW.minus(Duration.ofMinutes(10)));
        assertThat(gateway.sent).isEmpty();
    }

    @Test
    void sendsStillInsideTheirLeaseAreLeftAlone() {
        queue();
        dispatcher.claimDue(1);
        assertThat(dispatcher.settleInterrupted(Duration.ofMinutes(2), 10)).isZero();
    }

    @Test
    void aTextThatKeepsQuietHoursClaimedInsideThemGoesBackToEightOClockUncounted() {
        // 7:00 in New York: the workers were down, or a retry landed here; the caller's night is not over.
        UUID id = outbox.enqueue(
                new OutboundSms(
                        BUSINESS, LEAD, Participant.LEAD, "+14155550100", CALLER, "Still there?", NOW, NEW_YORK),
                DeliveryState.QUEUED,
                NOW);

        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.DEFERRED_TO_MORNING);
        assertThat(gateway.sent).isEmpty();
        assertThat(outbox.rows.get(id).state).isEqualTo(DeliveryState.QUEUED);
        assertThat(outbox.rows.get(id).nextAttemptAt).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
        assertThat(outbox.rows.get(id).attempts).isZero();
    }

    @Test
    void aTextInsideItsRecipientsDayAndAnAnswerWithoutQuietHoursGoOutAtOnce() {
        // Noon in London; and an answer to someone who just wrote goes at 7:00 in New York too.
        outbox.enqueue(
                new OutboundSms(
                        BUSINESS,
                        LEAD,
                        Participant.LEAD,
                        "+14155550100",
                        "+442079460000",
                        "Still there?",
                        NOW,
                        ZoneId.of("Europe/London")),
                DeliveryState.QUEUED,
                NOW);
        queue();
        gateway.answers.add(new SendResult.Accepted("SM1", "queued"));
        gateway.answers.add(new SendResult.Accepted("SM2", "queued"));

        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(deliverNext()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(gateway.sent).hasSize(2);
    }

    private UUID queue() {
        return outbox.enqueue(
                new OutboundSms(BUSINESS, LEAD, Participant.LEAD, "+14155550100", CALLER, "Hi"),
                DeliveryState.QUEUED,
                NOW);
    }

    private DeliveryOutcome deliverNext() {
        List<OutboundMessage> claimed = dispatcher.claimDue(1);
        assertThat(claimed).hasSize(1);
        return dispatcher.deliver(claimed.get(0));
    }

    /** Answers sends from a script, or throws as a buggy gateway might. */
    private static final class ScriptedGateway implements SmsGateway {
        final Deque<SendResult> answers = new ArrayDeque<>();
        final List<SmsRequest> sent = new ArrayList<>();
        final List<Instant> lookedUpSince = new ArrayList<>();
        Optional<SendResult.Accepted> accepted = Optional.empty();
        boolean lookupFails;
        boolean throwOnSend;

        @Override
        public SendResult send(SmsRequest sms) {
            sent.add(sms);
            if (throwOnSend) {
                throw new IllegalStateException("gateway bug");
            }
            return answers.remove();
        }

        @Override
        public Optional<SendResult.Accepted> findAccepted(SmsRequest sms, Instant since) {
            lookedUpSince.add(since);
            if (lookupFails) {
                throw new IllegalStateException("Twilio unreachable");
            }
            return accepted;
        }
    }
}
