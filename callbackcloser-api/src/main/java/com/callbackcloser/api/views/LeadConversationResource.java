package com.callbackcloser.api.views;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code /leads/{leadId}/conversation}: the conversation's refresh: 204 while nothing changed (the version the
 * page holds is current), else the conversation again: a reply's queued, sent and delivered states, the caller's
 * answer, a STOP.
 */
@Path("/leads/{leadId}/conversation")
@DashboardPage
@SignedIn
@Produces(Page.HTML)
public final class LeadConversationResource {
    private final LeadPages leadPages;

    LeadConversationResource(LeadPages leadPages) {
        this.leadPages = leadPages;
    }

    @GET
    @BackgroundRefresh
    public Response conversation(
            @Context ContainerRequestContext request,
            @PathParam("leadId") UUID leadId,
            @QueryParam("v") String version,
            @QueryParam("s") String shownStatus) {
        LeadPages.Context context = leadPages.load(SessionFilter.user(request), leadId);
        if (ConversationPart.version(context.detail()).equals(version)) {
            return Response.noContent().build();
        }
        boolean statusMoved = !context.detail().lead().status().name().equalsIgnoreCase(shownStatus);
        return Response.ok(leadPages.fragment(
                        context,
                        statusMoved
                                ? ConversationFragment.Part.CONVERSATION_AND_STATUS
                                : ConversationFragment.Part.CONVERSATION,
                        null,
                        null))
                .build();
    }
}
