package com.callbackcloser.api.views;

import com.callbackcloser.core.model.LeadDetail;
import com.callbackcloser.core.model.MessageRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A lead's conversation as the page shows it and refreshes it: the texts, where the automatic questions are, and
 * a version (a hash of everything shown) so a refresh that would change nothing is answered with no content. The
 * refresh also names the status the page shows, so a refresh brings the status form only when the conversation
 * moved the lead (not when the owner just did, which would wipe the form's "Saved").
 */
public record ConversationPart(
        String leadId, List<ChatMessage> messages, String state, boolean optedOut, String version, String refreshHref) {

    public ConversationPart {
        messages = List.copyOf(messages);
    }

    static ConversationPart of(LeadDetail detail, Formats formats, String viewer) {
        String leadId = detail.lead().id().toString();
        String version = version(detail);
        return new ConversationPart(
                leadId,
                detail.transcript().stream()
                        .map(message -> ChatMessage.of(message, formats, viewer))
                        .toList(),
                detail.callerOptedOut()
                        ? "The caller opted out: nothing more is texted to them."
                        : Labels.conversation(detail.lead()),
                detail.callerOptedOut(),
                version,
                "/leads/" + leadId + "/conversation?v=" + version + "&s="
                        + detail.lead().status().name().toLowerCase(java.util.Locale.ROOT));
    }

    static String version(LeadDetail detail) {
        StringBuilder state = new StringBuilder()
                .append(detail.lead().status())
                .append('|')
                .append(detail.lead().conversationState())
                .append('|')
                .append(detail.lead().ownerReplied())
                .append('|')
                .append(detail.callerOptedOut());
        for (MessageRecord message : detail.transcript()) {
            state.append('|')
                    .append(message.id())
                    .append(':')
                    .append(message.deliveryState())
                    .append(':')
                    .append(message.twilioStatus())
                    .append(':')
                    .append(message.attempts());
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(state.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
