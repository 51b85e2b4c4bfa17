package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.MessageRecord;
import java.util.Optional;
import java.util.UUID;

/** The dashboard's reply box and {@code POST …/leads/{leadId}/messages}: one rule for both. */
public interface ReplyToCallerUseCase {
    /**
     * Queues the text in the outbox (it is never sent inline) and returns it as queued; the same reply key returns
     * the text it queued the first time.
     *
     * @throws CallerOptedOutException the caller texted STOP to this business
     * @throws ConflictException texting is paused (no active plan, no number, over the month's limit)
     */
    MessageRecord reply(ReplyToCaller command);

    /**
     * Why a reply to this lead's caller would be refused now, if it would (the same words {@link #reply} would
     * refuse with), so a page can say so instead of offering a box that cannot work.
     */
    Optional<String> refusal(Actor actor, UUID businessId, UUID leadId);
}
