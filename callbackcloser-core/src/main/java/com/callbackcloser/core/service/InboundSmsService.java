package com.callbackcloser.core.service;

import static com.callbackcloser.core.model.Strings.trimToNull;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ComplianceKeyword;
import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.model.Participant;
import com.callbackcloser.core.model.PhoneNumbers;
import com.callbackcloser.core.model.Plans;
import com.callbackcloser.core.model.TextTemplates;
import com.callbackcloser.core.port.in.HandleInboundSmsUseCase;
import com.callbackcloser.core.port.in.InboundSms;
import com.callbackcloser.core.port.in.InboundSmsOutcome;
import com.callbackcloser.core.port.in.InboundSmsResult;
import com.callbackcloser.core.port.out.LeadLinks;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A text arrives. In one transaction: store it (once per MessageSid, whatever Twilio retries), answer the
 * compliance keywords, then take the sender's lead one step through the conversation and queue the reply,
 * and after the ZIP step the owner's summary, through the outbox. Any text cancels the sender's waiting
 * follow-up; a question that still waits for an answer queues a new one ({@link FollowUps}).
 *
 * <p>The sender's lead row is locked for the transaction, so two texts to one lead (a double send, or a
 * retry racing the original) are applied one after the other, each to the state the other left.
 */
public final class InboundSmsService implements HandleInboundSmsUseCase {
    private final TransactionRunner transactions;
    private final ConversationQuota quota;
    private final LeadLinks leadLinks;
    private final Clock clock;

    public InboundSmsService(TransactionRunner transactions, Plans plans, LeadLinks leadLinks, Clock clock) {
        this.transactions = transactions;
        this.quota = new ConversationQuota(plans);
        this.leadLinks = leadLinks;
        this.clock = clock;
    }

    @Override
    public InboundSmsResult onInboundSms(InboundSms sms) {
        return transactions.inTransaction(repositories -> handle(repositories, sms));
    }

    private InboundSmsResult handle(Repositories repositories, InboundSms sms) {
        String to = PhoneNumbers.normalize(sms.to());
        Optional<Business> found = repositories.businesses().findByTwilioNumber(to);
        if (found.isEmpty()) {
            return InboundSmsResult.of(InboundSmsOutcome.UNKNOWN_BUSINESS, null);
        }
        Business business = found.get();
        Instant now = clock.instant();
        String sender = PhoneNumbers.normalize(sms.from());
        String body = sms.body() == null ? "" : sms.body();

        Optional<UUID> stored = repositories
                .messages()
                .recordInbound(
                        business.id(), sender, to, body, trimToNull(sms.messageSid()), sms.rawPayloadJson(), now);
        Optional<Lead> lead = repositories.leads().lockLatestForCaller(business.id(), sender);
        if (stored.isPresent() && lead.isPresent()) {
            repositories.messages().linkToLead(stored.get(), lead.get().id());
            repositories.leads().recordInbound(lead.get().id(), now);
        }
        if (stored.isPresent()) {
            // Any text, an answer, a STOP or a question of their own: the caller is not quiet. Only on the first
            // delivery, or a retried webhook would cancel the follow-up the answer's next question queued.
            FollowUps.cancel(repositories, business.id(), sender, now);
        }
        UUID leadId = lead.map(Lead::id).orElse(null);
        if (stored.isPresent()) {
            WebhookEvents.messageReceived(repositories, business.id(), stored.get(), leadId, sender, to, body, now);
        }

        if (stored.isEmpty()) {
            // A MessageSid seen before: a Twilio retry, or a replay (signatures carry no timestamp). Even a keyword
            // changes nothing and is not answered again: a START replayed after a later STOP must not opt back in.
            // The unique MessageSid decides, so concurrent deliveries of one text cannot both get here as new.
            return InboundSmsResult.of(InboundSmsOutcome.DUPLICATE, leadId);
        }
        Optional<ComplianceKeyword> keyword = ComplianceKeyword.of(body);
        if (keyword.isPresent()) {
            return compliance(repositories, business, sms, sender, keyword.get(), leadId, now);
        }
        if (lead.isEmpty()) {
            return InboundSmsResult.of(InboundSmsOutcome.NO_LEAD, null);
        }
        Optional<InboundSmsOutcome> paused = automationPause(business, lead.get());
        if (paused.isPresent()) {
            return InboundSmsResult.of(paused.get(), leadId);
        }
        return converse(repositories, business, lead.get(), body, now);
    }

    /**
     * STOP, START and HELP, on the first delivery of their MessageSid: answered inline. Keywords with different
     * MessageSids apply in the order they are stored (the consent row serialises them; Twilio sends no time we
     * could order them by). A STOP also settles every text still queued to the sender as SUPPRESSED, so a later
     * START does not release them; the one a worker is sending already is the only one that can still go.
     */
    private static InboundSmsResult compliance(
            Repositories repositories,
            Business business,
            InboundSms sms,
            String sender,
            ComplianceKeyword keyword,
            UUID leadId,
            Instant now) {
        String messageSid = trimToNull(sms.messageSid());
        String reply;
        InboundSmsOutcome outcome;
        switch (keyword) {
            case STOP -> {
                repositories
                        .consents()
                        .recordOptOut(business.id(), sender, sms.from(), keyword.name(), messageSid, now);
                repositories.outbox().suppressQueued(business.id(), sender, "recipient opted out", now);
                reply = MessageTemplates.optedOut(business);
                outcome = InboundSmsOutcome.OPTED_OUT;
            }
            case START -> {
                repositories.consents().recordOptIn(business.id(), sender, sms.from(), keyword.name(), messageSid, now);
                reply = MessageTemplates.optedIn(business);
                outcome = InboundSmsOutcome.OPTED_IN;
            }
            default -> {
                reply = MessageTemplates.help(business);
                outcome = InboundSmsOutcome.HELP;
            }
        }
        repositories
                .messages()
                .recordTwimlReply(business.id(), leadId, PhoneNumbers.normalize(sms.to()), sender, reply, now);
        return new InboundSmsResult(outcome, leadId, Optional.of(reply));
    }

    private static Optional<InboundSmsOutcome> automationPause(Business business, Lead lead) {
        if (!business.subscription().isActive()) {
            return Optional.of(InboundSmsOutcome.BILLING_INACTIVE);
        }
        if (lead.billingRequired()) {
            return Optional.of(InboundSmsOutcome.BILLING_REQUIRED);
        }
        if (business.twilioNumberIfAny().isEmpty()) {
            return Optional.of(InboundSmsOutcome.NO_TWILIO_NUMBER);
        }
        // A question repeated by the bot while the owner is talking to the caller would only get in the way.
        if (lead.ownerReplied()) {
            return Optional.of(InboundSmsOutcome.OWNER_CONVERSING);
        }
        return Optional.empty();
    }

    private InboundSmsResult converse(
            Repositories repositories, Business business, Lead lead, String body, Instant now) {
        if (!lead.smsStarted() && !quota.admit(repositories, business.id(), now).admitted()) {
            repositories.leads().markBillingRequired(lead.id(), now);
            return InboundSmsResult.of(InboundSmsOutcome.USAGE_LIMIT_REACHED, lead.id());
        }
        ConversationState before = lead.conversationState();
        // Only the first and the last text can be the business's own wording: the other steps skip the query.
        TextTemplates templates = Conversation.usesTemplates(before)
                ? repositories.textTemplates().find(business.id())
                : TextTemplates.BUILT_IN;
        ConversationStep step = Conversation.step(before, body, business, lead.qualification(), templates);
        Lead after = lead.withConversation(step.next(), step.qualification(), step.qualified(), now);
        repositories.leads().saveConversation(after, now);
        if (lead.status() != after.status() && after.status() == LeadStatus.QUALIFIED) {
            WebhookEvents.leadQualified(repositories, after, now);
        }
        if (step.completed() && before != ConversationState.COMPLETED) {
            WebhookEvents.leadCompleted(repositories, after, now);
        }

        String twilioNumber = business.twilioNumberIfAny().orElseThrow();
        OutboundTexts.queue(
                repositories,
                new OutboundSms(
                        business.id(), lead.id(), Participant.LEAD, twilioNumber, lead.callerNumber(), step.reply()),
                now);
        if (!step.completed()) {
            FollowUps.schedule(repositories, business, after, step.next(), now);
        }
        if (step.notifyOwner()) {
            notifyOwner(repositories, business, after, now);
        }

        InboundSmsOutcome outcome;
        if (before == ConversationState.COMPLETED) {
            outcome = InboundSmsOutcome.ALREADY_COMPLETED;
        } else if (step.completed()) {
            outcome = InboundSmsOutcome.CONVERSATION_COMPLETED;
        } else {
            outcome = step.accepted() ? InboundSmsOutcome.ANSWER_ACCEPTED : InboundSmsOutcome.ANSWER_NOT_UNDERSTOOD;
        }
        return InboundSmsResult.of(outcome, lead.id());
    }

    /** Once per lead: the claim is a conditional update, so racing replies cannot both send it. */
    private void notifyOwner(Repositories repositories, Business business, Lead lead, Instant now) {
        Optional<String> ownerPhone = business.notifyPhoneIfAny();
        if (ownerPhone.isEmpty() || !repositories.leads().claimOwnerNotice(lead.id(), now)) {
            return;
        }
        String summary = MessageTemplates.ownerSummary(
                business, lead, lead.qualification(), leadLinks.linkTo(business.id(), lead.id()));
        OutboundTexts.queueToOwner(repositories, business, lead.id(), ownerPhone.get(), summary, now);
    }
}
