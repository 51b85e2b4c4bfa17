package com.callbackcloser.api.views;

import java.util.List;

/**
 * A lead: the call, what the caller told us, the status, the whole conversation with each text's delivery, the
 * recording, and the box to text the caller.
 */
public final class ConversationPage extends Page {
    private final Caller caller;
    private final Call call;
    private final List<Answer> answers;
    private final StatusForm statusForm;
    private final ConversationPart conversation;
    private final ReplyForm reply;
    private final int refreshSeconds;
    private final String backHref;

    /** Who called: the title (name or number), the number, and a tel: link to call back. */
    public record Caller(String title, String phone, String telHref) {}

    /**
     * The call: when, what happened, how long it rang, screening, and the recording's URL (empty without one).
     */
    public record Call(
            String when,
            String whenIso,
            String outcome,
            String rang,
            String screening,
            String recordingSrc,
            String recordingLength) {}

    /** One answer the caller gave (or did not give yet). */
    public record Answer(String label, String value, boolean given) {}

    /** The status select, with the choices and a note after a change. */
    public record StatusForm(String action, List<InboxPage.Option> options, String notice, String error) {}

    ConversationPage(
            Chrome chrome,
            Caller caller,
            Call call,
            List<Answer> answers,
            StatusForm statusForm,
            ConversationPart conversation,
            ReplyForm reply,
            int refreshSeconds,
            String backHref) {
        super("lead.ftlh", chrome);
        this.caller = caller;
        this.call = call;
        this.answers = List.copyOf(answers);
        this.statusForm = statusForm;
        this.conversation = conversation;
        this.reply = reply;
        this.refreshSeconds = refreshSeconds;
        this.backHref = backHref;
    }

    public Caller getCaller() {
        return caller;
    }

    public Call getCall() {
        return call;
    }

    public List<Answer> getAnswers() {
        return answers;
    }

    public StatusForm getStatusForm() {
        return statusForm;
    }

    public ConversationPart getConversation() {
        return conversation;
    }

    public ReplyForm getReply() {
        return reply;
    }

    public int getRefreshSeconds() {
        return refreshSeconds;
    }

    public String getBackHref() {
        return backHref;
    }
}
