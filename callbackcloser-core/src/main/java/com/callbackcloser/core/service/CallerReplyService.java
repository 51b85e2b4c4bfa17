package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.FieldChange;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.MessageRecord;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.model.Participant;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.model.PhoneNumbers;
import com.callbackcloser.core.model.Strings;
import com.callbackcloser.core.port.in.CallerOptedOutException;
import com.callbackcloser.core.port.in.ConflictException;
import com.callbackcloser.core.port.in.ReplyToCaller;
import com.callbackcloser.core.port.in.ReplyToCallerUseCase;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member texts the caller of a lead by hand. The text goes through the outbox like every other (queued in
 * this transaction, sent by a worker, retried, re-checked for STOP just before it goes out), so the page and the
 * API answer at once with the text as queued.
 *
 * <p>Refused, and nothing queued, when the caller opted out, when the business cannot text now (no number, no
 * active plan) or when the call came in over the plan's limit (it was never texted; a reply would be a
 * conversation the plan does not pay for). From the first reply on, the automated questions and follow-ups stand
 * down for this lead ({@link Lead#ownerReplied()}).
 *
 * <p>Retries: with a reply key, the key is claimed (a unique row) before anything else in the transaction, so
 * a double tap or a retried request gets the text the first one queued, never a second text.
 */
public final class CallerReplyService implements ReplyToCallerUseCase {
    /** Twilio's limit for one message body. */
    public static final int MAX_BODY_LENGTH = 1600;

    private static final Logger LOG = LoggerFactory.getLogger("twilio.messaging");

    private final TransactionRunner transactions;
    private final Clock clock;

    public CallerReplyService(TransactionRunner transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public MessageRecord reply(ReplyToCaller command) {
        String body = validBody(command.body());
        String key = validKey(command.replyKey());
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> {
            Actor actor = command.actor();
            BusinessAccess.require(repositories, actor, command.businessId(), Permission.REPLY_TO_LEADS);
            Lead lead = LeadService.lead(repositories, command.businessId(), command.leadId());
            if (key != null && !repositories.leads().claimReplyKey(lead.id(), key, now)) {
                return repositories
                        .leads()
                        .messageOfReplyKey(lead.id(), key)
                        .flatMap(id -> repositories.messages().find(id))
                        .orElseThrow(() -> new IllegalStateException("reply key without its message"));
            }
            Business business =
                    repositories.businesses().findById(lead.businessId()).orElseThrow();
            String twilioNumber = refuseWhenCannotText(repositories, business, lead);
            UUID id = repositories
                    .outbox()
                    .enqueue(
                            new OutboundSms(
                                    business.id(),
                                    lead.id(),
                                    Participant.LEAD,
                                    twilioNumber,
                                    lead.callerNumber(),
                                    body),
                            DeliveryState.QUEUED,
                            now);
            repositories.messages().recordSender(id, actor.subject());
            if (key != null) {
                repositories.leads().attachReplyKey(lead.id(), key, id);
            }
            // A person is talking now: the question the automation is waiting on no longer needs a nudge.
            FollowUps.cancel(repositories, business.id(), lead.callerNumber(), now);
            repositories.leads().recordOwnerReply(lead.id(), now);
            repositories
                    .audit()
                    .record(
                            business.id(),
                            actor.subject(),
                            "lead.replied",
                            lead.id().toString(),
                            List.of(new FieldChange("message", null, id.toString())),
                            actor.correlationId(),
                            now);
            LOG.info(
                    "event=twilio.messaging decision=owner_reply_queued messageId={} leadId={} to={}",
                    id,
                    lead.id(),
                    PhoneNumbers.mask(lead.callerNumber()));
            return repositories.messages().find(id).orElseThrow();
        });
    }

    @Override
    public Optional<String> refusal(Actor actor, UUID businessId, UUID leadId) {
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.REPLY_TO_LEADS);
            Lead lead = LeadService.lead(repositories, businessId, leadId);
            Business business = repositories.businesses().findById(businessId).orElseThrow();
            try {
                refuseWhenCannotText(repositories, business, lead);
                return Optional.empty();
            } catch (ConflictException refused) {
                return Optional.of(refused.getMessage());
            }
        });
    }

    /** The business's number, when a text may go to this caller now. */
    private static String refuseWhenCannotText(Repositories repositories, Business business, Lead lead) {
        if (repositories.consents().isOptedOut(business.id(), lead.callerNumber())) {
            throw new CallerOptedOutException();
        }
        if (!PhoneNumbers.isTextable(lead.callerNumber())) {
            throw new ConflictException(
                    "The caller's number cannot get texts (it was withheld or is not a phone number): call them.");
        }
        if (business.twilioNumberIfAny().isEmpty()) {
            throw new ConflictException("This business has no Twilio number yet, so no text can go out.");
        }
        if (!business.subscription().isActive()) {
            throw new ConflictException(
                    "Texting is paused: the business has no active plan. Subscribe to text callers.");
        }
        if (lead.billingRequired()) {
            throw new ConflictException("This call came in over the plan's monthly limit and was not texted, so it"
                    + " cannot be texted from here. Call the caller back, or upgrade the plan for the next calls.");
        }
        return business.twilioNumberIfAny().orElseThrow();
    }

    private static String validBody(String raw) {
        String body = raw == null ? "" : raw.replace("\r\n", "\n").strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("body", "Type a message first.");
        }
        if (body.length() > MAX_BODY_LENGTH) {
            throw new InvalidInputException(
                    "body",
                    "A text is at most " + MAX_BODY_LENGTH + " characters; this one has " + body.length() + ".");
        }
        if (Strings.hasForbiddenCharacter(body.replace('\n', ' ').replace('\t', ' '))) {
            throw new InvalidInputException("body", "The text holds a character a phone cannot show.");
        }
        return body;
    }

    private static String validKey(String key) {
        if (key != null && (key.length() > ReplyToCaller.MAX_REPLY_KEY_LENGTH || Strings.hasForbiddenCharacter(key))) {
            throw new InvalidInputException(
                    "replyKey",
                    "an idempotency key is 1 to " + ReplyToCaller.MAX_REPLY_KEY_LENGTH + " plain characters");
        }
        return key;
    }
}
