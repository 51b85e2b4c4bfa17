package com.callbackcloser.api.views;

import com.callbackcloser.core.model.BusinessWithRole;
import com.callbackcloser.core.model.LeadCursor;
import com.callbackcloser.core.model.LeadPage;
import com.callbackcloser.core.service.LeadService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /leads/updates}: the inbox's refresh. The leads newer than the newest one shown, with the same filter,
 * or 204 (htmx then swaps nothing); the page puts them on top without a reload.
 */
@Path("/leads/updates")
@DashboardPage
@SignedIn
@Produces(Page.HTML)
public final class InboxUpdatesResource {
    private final LeadService leads;
    private final Pages pages;

    public InboxUpdatesResource(LeadService leads, Pages pages) {
        this.leads = leads;
        this.pages = pages;
    }

    @GET
    @BackgroundRefresh
    public Response updates(
            @Context ContainerRequestContext request,
            @QueryParam("business") String business,
            @QueryParam("status") String status,
            @QueryParam("q") String search,
            @QueryParam("since") String since) {
        DashboardUser user = SessionFilter.user(request);
        Pages.Selection selection = pages.select(user, business);
        BusinessWithRole current = selection.current();
        if (current == null) {
            return Response.noContent().build();
        }
        InboxQuery query = InboxQuery.of(current.business().id(), status, search);
        LeadPage page = leads.newerThan(
                user.actor(), current.business().id(), query.filter(), since, InboxPageResource.PAGE_SIZE);
        if (page.leads().isEmpty()) {
            return Response.noContent().build();
        }
        Formats formats = pages.formats(current);
        List<InboxRow> rows =
                page.leads().stream().map(lead -> InboxRow.of(lead, formats)).toList();
        String newest = new LeadCursor(
                        page.leads().get(0).lead().createdAt(),
                        page.leads().get(0).lead().id())
                .encode();
        return Response.ok(new InboxUpdates(
                        pages.chrome("", "inbox", user, selection),
                        rows,
                        query.refresh(newest),
                        pages.refreshSeconds(),
                        page.nextCursor() != null))
                .build();
    }
}
