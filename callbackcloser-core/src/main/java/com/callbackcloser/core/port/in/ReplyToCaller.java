package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.Actor;
import java.util.Objects;
import java.util.UUID;

/**
 * A member texts a lead's caller by hand.
 *
 * @param replyKey the client's idempotency key (a form's hidden key, the API's {@code Idempotency-Key}): the same
 *     key for the same lead queues one text however often it is sent; null when the client has none
 */
public record ReplyToCaller(Actor actor, UUID businessId, UUID leadId, String body, String replyKey) {
    public static final int MAX_REPLY_KEY_LENGTH = 200;

    public ReplyToCaller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(leadId, "leadId");
        replyKey = replyKey == null || replyKey.isBlank() ? null : replyKey.strip();
    }
}
