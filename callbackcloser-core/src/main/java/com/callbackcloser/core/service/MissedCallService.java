package com.callbackcloser.core.service;

import static com.callbackcloser.core.model.Strings.isBlank;
import static com.callbackcloser.core.model.Strings.trimToNull;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.CallScreeningState;
import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.DialOutcome;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.model.Participant;
import com.callbackcloser.core.model.PhoneNumbers;
import com.callbackcloser.core.model.Plans;
import com.callbackcloser.core.model.RecordingMetadata;
import com.callbackcloser.core.model.Screening;
import com.callbackcloser.core.model.TextTemplates;
import com.callbackcloser.core.port.in.DialStatusCallback;
import com.callbackcloser.core.port.in.DialStatusOutcome;
import com.callbackcloser.core.port.in.DialStatusResult;
import com.callbackcloser.core.port.in.HandleDialStatusUseCase;
import com.callbackcloser.core.port.out.DialResultRecord;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The status webhook: when the forwarded leg was not answered, record a lead and queue the first text. With
 * screening, a leg Twilio reports completed without a recorded key press was voicemail: not answered
 * ({@link DialOutcome#of}).
 *
 * <p>All of it happens in one transaction. The call upsert locks the call row, so concurrent deliveries of
 * the same callback run one after the other, and each retry finds the lead already started and does
 * nothing. Locks are always taken call, then lead, then business (for the monthly quota), the same order
 * as the SMS webhook's lead-then-business, so the two never deadlock. The text is only queued here; the outbox workers send it after the commit, so this never waits
 * on Twilio and a crash between commit and send loses nothing.
 */
public final class MissedCallService implements HandleDialStatusUseCase {
    private final TransactionRunner transactions;
    private final ConversationQuota quota;
    private final Clock clock;

    public MissedCallService(TransactionRunner transactions, Plans plans, Clock clock) {
        this.transactions = transactions;
        this.quota = new ConversationQuota(plans);
        this.clock = clock;
    }

    @Override
    public DialStatusResult onDialStatus(DialStatusCallback callback) {
        if (isBlank(callback.callSid())) {
            return DialStatusResult.of(DialStatusOutcome.MISSING_FIELDS);
        }
        if (callback.isRecordingOnly()) {
            RecordingMetadata recording = callback.recording().orElseThrow();
            transactions.inTransaction(repositories -> {
                repositories
                        .calls()
                        .attachRecording(
                                callback.callSid().strip(), recording, callback.rawPayloadJson(), clock.instant());
                return null;
            });
            return DialStatusResult.of(DialStatusOutcome.RECORDING_STORED);
        }
        if (isBlank(callback.to())) {
            return DialStatusResult.of(DialStatusOutcome.MISSING_FIELDS);
        }
        return transactions.inTransaction(repositories -> handleDialResult(repositories, callback));
    }

    private DialStatusResult handleDialResult(Repositories repositories, DialStatusCallback callback) {
        String to = PhoneNumbers.normalize(callback.to());
        Optional<Business> found = repositories.businesses().findByTwilioNumber(to);
        if (found.isEmpty()) {
            return DialStatusResult.of(DialStatusOutcome.UNKNOWN_BUSINESS);
        }
        Business business = found.get();
        // Read under the call's row lock: a key press recorded concurrently is either seen here or refused as too
        // late, never lost between the two.
        Screening screening = repositories
                .calls()
                .lockScreening(callback.callSid().strip())
                .map(CallScreeningState::screening)
                .orElse(Screening.OFF);
        DialOutcome outcome = DialOutcome.of(callback.dialCallStatus(), screening);
        Instant now = clock.instant();
        String callerRaw = trimToNull(callback.from());
        String caller = PhoneNumbers.normalize(callerRaw);
        UUID callId = repositories
                .calls()
                .recordDialResult(
                        new DialResultRecord(
                                business.id(),
                                callback.callSid().strip(),
                                trimToNull(callback.parentCallSid()),
                                trimToNull(callback.dialCallSid()),
                                callerRaw,
                                caller,
                                callback.to().strip(),
                                to,
                                trimToNull(callback.dialCallStatus()),
                                outcome.callStatus(),
                                callback.callDurationSeconds(),
                                callback.dialCallDurationSeconds(),
                                callback.recording().orElse(null),
                                outcome == DialOutcome.ANSWERED,
                                outcome == DialOutcome.MISSED,
                                callback.rawPayloadJson()),
                        now);

        if (outcome == DialOutcome.ANSWERED) {
            return new DialStatusResult(DialStatusOutcome.ANSWERED, callId, null, screening);
        }
        if (outcome != DialOutcome.MISSED) {
            return new DialStatusResult(DialStatusOutcome.NOT_FINAL, callId, null, screening);
        }

        Lead lead = repositories
                .leads()
                .findOrCreateForCall(
                        business.id(), callId, callerRaw == null ? "" : callerRaw, caller == null ? "" : caller, now);
        // Published on every missed-call callback; its dedupe key makes the retries of this one no-ops.
        WebhookEvents.leadCreated(repositories, lead, now);
        return new DialStatusResult(startConversation(repositories, business, lead, now), callId, lead.id(), screening);
    }

    private DialStatusOutcome startConversation(Repositories repositories, Business business, Lead lead, Instant now) {
        if (lead.smsStarted()) {
            return DialStatusOutcome.ALREADY_TEXTED;
        }
        if (!business.subscription().isActive()) {
            repositories.leads().markBillingRequired(lead.id(), now);
            return DialStatusOutcome.BILLING_INACTIVE;
        }
        Optional<String> twilioNumber = business.twilioNumberIfAny();
        if (twilioNumber.isEmpty()) {
            return DialStatusOutcome.NO_TWILIO_NUMBER;
        }
        if (!PhoneNumbers.isTextable(lead.callerNumber())) {
            return DialStatusOutcome.CALLER_NOT_TEXTABLE;
        }
        ConversationQuota.Admission admission = quota.admit(repositories, business.id(), now);
        if (!admission.admitted()) {
            repositories.leads().markBillingRequired(lead.id(), now);
            noticeUsageLimit(repositories, business, lead, admission, now);
            return DialStatusOutcome.USAGE_LIMIT_REACHED;
        }
        DeliveryState queued = OutboundTexts.queue(
                repositories,
                new OutboundSms(
                        business.id(),
                        lead.id(),
                        Participant.LEAD,
                        twilioNumber.get(),
                        lead.callerNumber(),
                        firstText(repositories, business, now)),
                now);
        // A suppressed first text still starts the conversation, as the old app did: if the caller texts
        // START and then writes to us, the conversation picks up at the service question.
        repositories.leads().startConversation(lead.id(), now);
        if (queued == DeliveryState.QUEUED) {
            FollowUps.schedule(repositories, business, lead, ConversationState.AWAITING_SERVICE, now);
        }
        return queued == DeliveryState.SUPPRESSED ? DialStatusOutcome.TEXT_SUPPRESSED : DialStatusOutcome.TEXT_QUEUED;
    }

    /**
     * The business's first text, or its after-hours text when the call came outside its opening hours (read now,
     * when Twilio reports the call unanswered, which is within the Dial timeout of the call itself).
     */
    private static String firstText(Repositories repositories, Business business, Instant now) {
        boolean open = repositories
                .openingHours()
                .find(business.id())
                .map(hours -> hours.isOpen(now, business.timeZone()))
                .orElse(true);
        TextTemplates templates = repositories.textTemplates().find(business.id());
        return open
                ? MessageTemplates.firstText(business, templates)
                : MessageTemplates.afterHoursText(business, templates);
    }

    /** Tells the owner once per lead that a call went unanswered by text because of the plan's limit. */
    private static void noticeUsageLimit(
            Repositories repositories,
            Business business,
            Lead lead,
            ConversationQuota.Admission admission,
            Instant now) {
        Optional<String> ownerPhone = business.notifyPhoneIfAny();
        if (ownerPhone.isEmpty() || !repositories.leads().claimUsageLimitNotice(lead.id(), now)) {
            return;
        }
        OutboundTexts.queueToOwner(
                repositories,
                business,
                lead.id(),
                ownerPhone.get(),
                MessageTemplates.usageLimitReached(business, admission.used(), admission.limit()),
                now);
    }
}
