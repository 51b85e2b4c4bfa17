package com.callbackcloser.api.views;

import com.callbackcloser.core.model.Direction;
import com.callbackcloser.core.model.MessageRecord;
import com.callbackcloser.core.model.Participant;

/**
 * One text of a lead's conversation as a chat bubble: the caller's on one side, the business's on the other, a
 * summary to the owner's own phone as a note between them; an outbound text with its delivery state.
 *
 * @param side {@code in} (the caller), {@code out} (typed by someone of the business), {@code auto} (the
 *     automation's texts to the caller) or {@code note} (to the owner's own phone)
 */
public record ChatMessage(
        String id,
        String side,
        String author,
        String body,
        String when,
        String whenIso,
        String delivery,
        String deliveryClass,
        String failure) {

    static ChatMessage of(MessageRecord message, Formats formats, String viewer) {
        String side;
        if (message.direction() == Direction.INBOUND) {
            side = "in";
        } else if (message.participant() == Participant.OWNER) {
            side = "note";
        } else {
            side = message.typedByHand() ? "out" : "auto";
        }
        return new ChatMessage(
                message.id().toString(),
                side,
                Labels.author(message, viewer),
                message.body(),
                formats.when(message.createdAt()),
                Formats.iso(message.createdAt()),
                Labels.delivery(message),
                Labels.deliveryClass(message),
                Labels.failure(message));
    }
}
