package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.model.Participant;
import com.callbackcloser.core.model.PhoneNumbers;
import com.callbackcloser.core.model.PhoneTimeZones;
import com.callbackcloser.core.model.QuietHours;
import com.callbackcloser.core.port.out.Repositories;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one follow-up a caller gets when they go quiet mid-conversation. It is an outbox row queued with the
 * question it follows, due after the business's delay (moved out of the caller's quiet hours, which the worker
 * checks again when it sends), so it survives restarts and is sent by whichever worker claims it, like every
 * text. Any text from the caller cancels it in the transaction that stores the text; the next question then
 * queues a fresh one. The database allows one follow-up row per lead, so retried webhooks and racing workers
 * cannot make a second; a STOP is checked by the worker just before sending, as for every text.
 */
final class FollowUps {
    private static final Logger LOG = LoggerFactory.getLogger("twilio.messaging");

    private FollowUps() {}

    /** After a question to the caller was queued: the follow-up in case no answer comes. */
    static void schedule(
            Repositories repositories, Business business, Lead lead, ConversationState waitingFor, Instant now) {
        Optional<Instant> due = dueAt(business, lead.callerNumber(), now);
        Optional<String> twilioNumber = business.twilioNumberIfAny();
        if (due.isEmpty()
                || twilioNumber.isEmpty()
                || waitingFor == ConversationState.COMPLETED
                || !PhoneNumbers.isTextable(lead.callerNumber())
                // An opted-out caller gets nothing; were a follow-up stored as SUPPRESSED, it would be their one.
                || repositories.consents().isOptedOut(business.id(), lead.callerNumber())) {
            return;
        }
        // One waiting follow-up per phone: a newer conversation with the same caller replaces an older one's.
        cancel(repositories, business.id(), lead.callerNumber(), now);
        Optional<UUID> scheduled = repositories
                .outbox()
                .scheduleFollowUp(
                        new OutboundSms(
                                business.id(),
                                lead.id(),
                                Participant.LEAD,
                                twilioNumber.get(),
                                lead.callerNumber(),
                                MessageTemplates.followUp(business, waitingFor),
                                due.get(),
                                callersZone(business, lead.callerNumber())),
                        now);
        // Empty: the lead's one follow-up exists already (sent, or settled otherwise); nothing to say.
        scheduled.ifPresent(id -> LOG.info(
                "event=twilio.messaging decision=follow_up_scheduled messageId={} leadId={} dueAt={}",
                id,
                lead.id(),
                due.get()));
    }

    /** The caller wrote to us: whatever they said, they are not quiet, so a waiting follow-up must not go. */
    static void cancel(Repositories repositories, UUID businessId, String caller, Instant now) {
        for (UUID id : repositories.outbox().cancelFollowUps(businessId, caller, now)) {
            LOG.info(
                    "event=twilio.messaging decision=follow_up_cancelled messageId={} to={}",
                    id,
                    PhoneNumbers.mask(caller));
        }
    }

    /**
     * When a follow-up to {@code caller} for a question asked at {@code asked} is due: after the business's
     * delay, then at the next 8:00 if that falls in the caller's quiet hours (the zone of their area code, else
     * the business's). Empty when the business has follow-ups off.
     */
    static Optional<Instant> dueAt(Business business, String caller, Instant asked) {
        Optional<Duration> delay = business.textTiming().followUpDelay();
        return delay.map(d -> QuietHours.earliestSendAt(asked.plus(d), callersZone(business, caller)));
    }

    private static ZoneId callersZone(Business business, String caller) {
        return PhoneTimeZones.zoneOf(caller, business.timeZone());
    }
}
