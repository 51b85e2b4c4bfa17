package com.callbackcloser.api.views;

import java.util.UUID;

/**
 * The box to text the caller: open, or closed with the reason (opted out, texting paused). A fresh
 * {@code replyKey} each time it is shown, so a double tap on Send queues one text.
 *
 * @param body what was typed, kept when the text was refused so nothing is lost
 */
public record ReplyForm(
        String action, boolean open, String closedReason, String replyKey, String body, String error, String notice) {

    static ReplyForm open(String leadId) {
        return new ReplyForm("/leads/" + leadId + "/messages", true, "", newKey(), "", "", "");
    }

    static ReplyForm closed(String leadId, String reason) {
        return new ReplyForm("/leads/" + leadId + "/messages", false, reason, newKey(), "", "", "");
    }

    ReplyForm refused(String typed, String message) {
        return new ReplyForm(action, open, closedReason, newKey(), typed == null ? "" : typed, message, "");
    }

    ReplyForm sent() {
        return new ReplyForm(
                action, open, closedReason, newKey(), "", "", "Your text was added to the conversation above.");
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
