package com.callbackcloser.api.views;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.BusinessWithRole;
import com.callbackcloser.core.model.CallRecord;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadDetail;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.model.Qualification;
import com.callbackcloser.core.port.in.ReplyToCallerUseCase;
import com.callbackcloser.core.service.LeadService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A lead's page and its pieces, built from the core's answers ({@link LeadService}, {@link ReplyToCallerUseCase})
 * for whichever resource shows them.
 */
final class LeadPages {
    private final LeadService leads;
    private final ReplyToCallerUseCase replies;
    private final Pages pages;

    LeadPages(LeadService leads, ReplyToCallerUseCase replies, Pages pages) {
        this.leads = leads;
        this.replies = replies;
        this.pages = pages;
    }

    /** The lead, its business, and the signed-in user's view of both; 404 for a lead of another tenant. */
    record Context(DashboardUser user, Pages.Selection selection, LeadDetail detail, Formats formats) {
        UUID businessId() {
            return selection.current().business().id();
        }

        UUID leadId() {
            return detail.lead().id();
        }
    }

    Context load(DashboardUser user, UUID leadId) {
        UUID businessId = leads.businessOf(user.actor(), leadId);
        Pages.Selection selection = pages.select(user, businessId);
        LeadDetail detail = leads.detail(user.actor(), businessId, leadId);
        return new Context(user, selection, detail, pages.formats(selection.current()));
    }

    ConversationPage page(Context context, ReplyForm reply, String statusNotice, String statusError) {
        Lead lead = context.detail().lead();
        String name = lead.qualification().contactName();
        String number = Formats.phone(lead.callerNumber());
        String title = name == null || name.isBlank() ? number : name;
        return new ConversationPage(
                pages.chrome(title, "inbox", context.user(), context.selection()),
                new ConversationPage.Caller(title, number, "tel:" + lead.callerNumber()),
                call(context),
                answers(lead.qualification()),
                statusForm(lead, statusNotice, statusError),
                ConversationPart.of(
                        context.detail(), context.formats(), context.user().subject()),
                reply,
                pages.refreshSeconds(),
                "/leads?business=" + context.businessId());
    }

    /** The reply box: closed, with the core's reason, when a reply would be refused now. */
    ReplyForm replyForm(Context context) {
        String leadId = context.leadId().toString();
        return replies.refusal(context.user().actor(), context.businessId(), context.leadId())
                .map(reason -> ReplyForm.closed(leadId, reason))
                .orElseGet(() -> ReplyForm.open(leadId));
    }

    ConversationFragment fragment(
            Context context, ConversationFragment.Part part, ReplyForm reply, ConversationPage.StatusForm statusForm) {
        return new ConversationFragment(
                pages.chrome("", "inbox", context.user(), context.selection()),
                part,
                ConversationPart.of(
                        context.detail(), context.formats(), context.user().subject()),
                reply,
                statusForm == null ? statusForm(context.detail().lead(), "", "") : statusForm,
                answers(context.detail().lead().qualification()),
                pages.refreshSeconds());
    }

    static ConversationPage.StatusForm statusForm(Lead lead, String notice, String error) {
        List<InboxPage.Option> options = new ArrayList<>();
        for (LeadStatus status : LeadStatus.values()) {
            options.add(new InboxPage.Option(
                    status.name().toLowerCase(Locale.ROOT), Labels.status(status), status == lead.status()));
        }
        return new ConversationPage.StatusForm("/leads/" + lead.id() + "/status", options, notice, error);
    }

    private static ConversationPage.Call call(Context context) {
        Lead lead = context.detail().lead();
        CallRecord call = context.detail().call();
        Business business = context.selection().current().business();
        Formats formats = context.formats();
        if (call == null) {
            return new ConversationPage.Call(
                    formats.full(lead.createdAt()), Formats.iso(lead.createdAt()), "Missed", "", "", "", "");
        }
        String rang = "";
        if ("no-answer".equalsIgnoreCase(call.dialCallStatus())) {
            rang = "Rang your phone for " + business.missedCallSeconds() + " seconds, nobody picked up.";
        } else if (call.callDurationSeconds() != null) {
            rang = "The caller stayed on the line " + call.callDurationSeconds() + " seconds.";
        }
        String screening;
        if (!call.screened()) {
            screening = "Call screening was off.";
        } else if (call.screenKeyPressedAt() == null) {
            screening = "Call screening was on: the call was picked up, but nobody pressed 1 (likely voicemail).";
        } else {
            screening = "Call screening was on: someone pressed 1.";
        }
        boolean recorded = call.recording() != null && call.recording().url() != null;
        Integer seconds = recorded ? call.recording().durationSeconds() : null;
        return new ConversationPage.Call(
                formats.full(call.createdAt()),
                Formats.iso(call.createdAt()),
                Labels.dialOutcome(call.dialCallStatus()),
                rang,
                screening,
                recorded ? "/leads/" + lead.id() + "/recording" : "",
                seconds == null ? "" : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60));
    }

    private static List<ConversationPage.Answer> answers(Qualification answers) {
        String service = answers.service();
        if (service != null
                && answers.serviceRaw() != null
                && !answers.serviceRaw().equalsIgnoreCase(service)
                && !answers.serviceRaw().matches("\\s*[123]\\s*")) {
            service = service + " (“" + answers.serviceRaw().strip() + "”)";
        }
        return List.of(
                answer("Service", service),
                answer("How urgent", answers.urgency()),
                answer("ZIP code", answers.zip()),
                answer("Best time to call", answers.bestTime()),
                answer("Name", answers.contactName()));
    }

    private static ConversationPage.Answer answer(String label, String value) {
        boolean given = value != null && !value.isBlank();
        return new ConversationPage.Answer(label, given ? value : "Not answered yet", given);
    }

    static BusinessWithRole business(Context context) {
        return context.selection().current();
    }
}
