package com.callbackcloser.api.views;

import com.callbackcloser.core.model.BusinessWithRole;
import com.callbackcloser.core.model.LeadCursor;
import com.callbackcloser.core.model.LeadPage;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.service.LeadService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /leads}: the inbox, through the same core use case as {@code GET /api/businesses/{id}/leads} (paging,
 * filter and search rules included).
 */
@Path("/leads")
@DashboardPage
@SignedIn
@Produces(Page.HTML)
public final class InboxPageResource {
    static final int PAGE_SIZE = 25;

    private final LeadService leads;
    private final Pages pages;

    public InboxPageResource(LeadService leads, Pages pages) {
        this.leads = leads;
        this.pages = pages;
    }

    @GET
    public InboxPage inbox(
            @Context ContainerRequestContext request,
            @QueryParam("business") String business,
            @QueryParam("status") String status,
            @QueryParam("q") String search,
            @QueryParam("cursor") String cursor) {
        DashboardUser user = SessionFilter.user(request);
        Pages.Selection selection = pages.select(user, business);
        Chrome chrome = pages.chrome("Missed calls", "inbox", user, selection);
        if (selection.current() == null) {
            return new InboxPage(chrome, List.of(), "", "", statuses(null), "", "", "", 0, "", "", user.subject());
        }
        BusinessWithRole current = selection.current();
        InboxQuery query = InboxQuery.of(current.business().id(), status, search);
        String from = cursor == null || cursor.isBlank() ? null : cursor;
        LeadPage page = leads.page(user.actor(), current.business().id(), query.filter(), from, PAGE_SIZE);
        Formats formats = pages.formats(current);
        List<InboxRow> rows =
                page.leads().stream().map(lead -> InboxRow.of(lead, formats)).toList();
        String since = page.leads().isEmpty()
                ? InboxQuery.BEGINNING
                : new LeadCursor(
                                page.leads().get(0).lead().createdAt(),
                                page.leads().get(0).lead().id())
                        .encode();
        String number =
                current.business().twilioNumberIfAny().map(Formats::phone).orElse(null);
        return new InboxPage(
                chrome,
                rows,
                query.search(),
                query.statusValue(),
                statuses(query.status()),
                page.nextCursor() == null ? "" : query.page(page.nextCursor()),
                from == null ? "" : query.page(null),
                from == null ? query.refresh(since) : "",
                pages.refreshSeconds(),
                "No missed calls yet",
                number == null
                        ? "This business has no Twilio number yet. Once it has one, each call nobody answers gets a"
                                + " text back and shows up here."
                        : "Your number is " + number + ". When a call to it goes unanswered, the caller gets a text"
                                + " within seconds and shows up here, without reloading.",
                user.subject());
    }

    static List<InboxPage.Option> statuses(LeadStatus selected) {
        List<InboxPage.Option> options = new ArrayList<>();
        options.add(new InboxPage.Option("", "All", selected == null));
        for (LeadStatus status : LeadStatus.values()) {
            options.add(new InboxPage.Option(
                    status.name().toLowerCase(Locale.ROOT), Labels.status(status), status == selected));
        }
        return options;
    }
}
