package com.callbackcloser.api.views;

/**
 * A piece of a lead's page for htmx: the conversation (a refresh, or after a reply, with the reply box again out
 * of band), the status form after a change, or the reply box alone with its error.
 */
public final class ConversationFragment extends Page {
    /** Which piece. */
    public enum Part {
        CONVERSATION,
        /** The conversation moved the lead on (NEW to QUALIFIED): the status form comes along. */
        CONVERSATION_AND_STATUS,
        CONVERSATION_AND_REPLY,
        REPLY,
        STATUS
    }

    private final Part part;
    private final ConversationPart conversation;
    private final ReplyForm reply;
    private final ConversationPage.StatusForm statusForm;
    private final java.util.List<ConversationPage.Answer> answers;
    private final int refreshSeconds;

    ConversationFragment(
            Chrome chrome,
            Part part,
            ConversationPart conversation,
            ReplyForm reply,
            ConversationPage.StatusForm statusForm,
            java.util.List<ConversationPage.Answer> answers,
            int refreshSeconds) {
        super("lead-fragment.ftlh", chrome);
        this.part = part;
        this.conversation = conversation;
        this.reply = reply;
        this.statusForm = statusForm;
        this.answers = java.util.List.copyOf(answers);
        this.refreshSeconds = refreshSeconds;
    }

    public String getPart() {
        return part.name();
    }

    public ConversationPart getConversation() {
        return conversation;
    }

    public ReplyForm getReply() {
        return reply;
    }

    public ConversationPage.StatusForm getStatusForm() {
        return statusForm;
    }

    public java.util.List<ConversationPage.Answer> getAnswers() {
        return answers;
    }

    public int getRefreshSeconds() {
        return refreshSeconds;
    }
}
