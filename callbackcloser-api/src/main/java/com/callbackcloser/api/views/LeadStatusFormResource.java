package com.callbackcloser.api.views;

import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.service.LeadService;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code POST /leads/{leadId}/status}: moves the lead in the pipeline through the same use case as the API's
 * PATCH (audited there). With htmx the status form comes back with "Saved"; without, the page again.
 */
@Path("/leads/{leadId}/status")
@DashboardPage
@SignedIn
@Produces(Page.HTML)
public final class LeadStatusFormResource {
    private final LeadService leads;
    private final LeadPages leadPages;

    LeadStatusFormResource(LeadService leads, LeadPages leadPages) {
        this.leads = leads;
        this.leadPages = leadPages;
    }

    @POST
    public Response change(
            @Context ContainerRequestContext request,
            @Context HttpHeaders headers,
            @PathParam("leadId") UUID leadId,
            @FormParam("status") String status) {
        DashboardUser user = SessionFilter.user(request);
        LeadPages.Context context = leadPages.load(user, leadId);
        LeadStatus target = parse(status);
        if (target == null) {
            return refused(context, headers, new InvalidInputException("status", "Pick a status from the list."));
        }
        leads.changeStatus(user.actor(), context.businessId(), leadId, target);
        if (!Htmx.isHtmx(headers)) {
            return Response.seeOther(URI.create("/leads/" + leadId + "?saved=status"))
                    .build();
        }
        LeadPages.Context changed = leadPages.load(user, leadId);
        return Response.ok(leadPages.fragment(
                        changed,
                        ConversationFragment.Part.STATUS,
                        null,
                        LeadPages.statusForm(changed.detail().lead(), "Saved: " + Labels.status(target) + ".", "")))
                .build();
    }

    private Response refused(LeadPages.Context context, HttpHeaders headers, InvalidInputException refusal) {
        ConversationPage.StatusForm form = LeadPages.statusForm(context.detail().lead(), "", refusal.getMessage());
        Object entity = Htmx.isHtmx(headers)
                ? leadPages.fragment(context, ConversationFragment.Part.STATUS, null, form)
                : leadPages.page(context, leadPages.replyForm(context), "", refusal.getMessage());
        return Response.status(422).entity(entity).build();
    }

    private static LeadStatus parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return LeadStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
