package com.callbackcloser.core.service;

import com.callbackcloser.core.model.ConversationState;
import com.callbackcloser.core.model.Qualification;
import java.util.Objects;

/**
 * What one reply does to a conversation.
 *
 * @param next the state after the reply (the same state when the answer was not understood)
 * @param qualification the answers with this reply's applied
 * @param reply the text to send back
 * @param accepted whether the reply answered the question
 * @param qualified the service question was answered: the lead becomes QUALIFIED
 * @param notifyOwner the ZIP was answered: time to text the owner the summary
 */
public record ConversationStep(
        ConversationState next,
        Qualification qualification,
        String reply,
        boolean accepted,
        boolean qualified,
        boolean notifyOwner) {

    public ConversationStep {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(qualification, "qualification");
        Objects.requireNonNull(reply, "reply");
    }

    public boolean completed() {
        return next == ConversationState.COMPLETED;
    }
}
