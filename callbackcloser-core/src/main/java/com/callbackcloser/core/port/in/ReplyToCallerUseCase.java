package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.MessageRecord;

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
}
