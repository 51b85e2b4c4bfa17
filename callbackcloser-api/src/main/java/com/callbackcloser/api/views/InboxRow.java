package com.callbackcloser.api.views;

import com.callbackcloser.core.model.Direction;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadSummary;
import com.callbackcloser.core.model.MessageRecord;
import com.callbackcloser.core.model.Participant;
import java.util.ArrayList;
import java.util.List;

/**
 * A lead as the inbox lists it, every word ready to print.
 *
 * @param title the caller's name when they gave it, else their number
 * @param phone the number under the name (empty when the title is the number)
 */
public record InboxRow(
        String id,
        String href,
        String title,
        String phone,
        String service,
        String status,
        String statusClass,
        String when,
        String whenIso,
        String ago,
        String previewFrom,
        String preview,
        List<Flag> flags) {

    private static final int PREVIEW_LENGTH = 110;

    public InboxRow {
        flags = List.copyOf(flags);
    }

    /** A flag beside a lead: said in words, its class only adds the colour. */
    public record Flag(String label, String cssClass) {}

    static InboxRow of(LeadSummary summary, Formats formats) {
        Lead lead = summary.lead();
        String name = lead.qualification().contactName();
        String number = Formats.phone(lead.callerNumber());
        String service = lead.qualification().service() == null
                ? ""
                : lead.qualification().service();
        if (lead.qualification().urgency() != null) {
            service = service.isEmpty()
                    ? lead.qualification().urgency()
                    : service + " · " + lead.qualification().urgency();
        }
        List<Flag> flags = new ArrayList<>();
        if (lead.billingRequired()) {
            flags.add(new Flag("Not texted: plan limit", "flag-warn"));
        }
        if (summary.callerOptedOut()) {
            flags.add(new Flag("Opted out", "flag-stop"));
        }
        if (summary.followUpPending()) {
            flags.add(new Flag("Follow-up waiting", "flag-info"));
        }
        MessageRecord latest = summary.latestMessage();
        return new InboxRow(
                lead.id().toString(),
                "/leads/" + lead.id(),
                name == null || name.isBlank() ? number : name,
                name == null || name.isBlank() ? "" : number,
                service,
                Labels.status(lead.status()),
                Labels.statusClass(lead.status()),
                formats.when(lead.createdAt()),
                Formats.iso(lead.createdAt()),
                formats.ago(lead.createdAt()),
                latest == null ? "" : previewFrom(latest),
                latest == null ? "No texts yet." : preview(latest.body()),
                flags);
    }

    private static String previewFrom(MessageRecord message) {
        if (message.direction() == Direction.INBOUND) {
            return "Caller:";
        }
        if (message.participant() == Participant.OWNER) {
            return "To you:";
        }
        return message.typedByHand() ? "Team:" : "Auto:";
    }

    private static String preview(String body) {
        String text = body.replaceAll("\\s+", " ").strip();
        return text.length() <= PREVIEW_LENGTH
                ? text
                : text.substring(0, PREVIEW_LENGTH - 1).strip() + "…";
    }
}
