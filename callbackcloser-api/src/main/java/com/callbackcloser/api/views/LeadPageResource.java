package com.callbackcloser.api.views;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.util.UUID;

/**
 * {@code /leads/{leadId}}: one lead, whichever of the user's businesses it is in (the link in the owner's text
 * names only the lead). Another tenant's lead is a 404, decided by the core as for the API.
 */
@Path("/leads/{leadId}")
@DashboardPage
@SignedIn
@Produces(Page.HTML)
public final class LeadPageResource {
    private final LeadPages leadPages;

    LeadPageResource(LeadPages leadPages) {
        this.leadPages = leadPages;
    }

    @GET
    public ConversationPage lead(
            @Context ContainerRequestContext request,
            @PathParam("leadId") UUID leadId,
            @QueryParam("saved") String saved,
            @QueryParam("sent") String sent) {
        LeadPages.Context context = leadPages.load(SessionFilter.user(request), leadId);
        ReplyForm reply = leadPages.replyForm(context);
        if (sent != null && reply.open()) {
            reply = reply.sent();
        }
        return leadPages.page(context, reply, saved != null ? "Saved." : "", "");
    }
}
