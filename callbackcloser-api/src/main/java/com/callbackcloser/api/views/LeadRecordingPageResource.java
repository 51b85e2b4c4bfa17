package com.callbackcloser.api.views;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.resources.owner.LeadRecordingResource;
import com.callbackcloser.core.service.LeadService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code /leads/{leadId}/recording}: the lead page's audio element plays this. It is the owner API's recording
 * resource, asked as the signed-in user: how a recording is found, who may hear it and how it is fetched from
 * Twilio are that resource's, in one place.
 */
@Path("/leads/{leadId}/recording")
@DashboardPage
@SignedIn
public final class LeadRecordingPageResource {
    private final LeadService leads;
    private final LeadRecordingResource recordings;

    LeadRecordingPageResource(LeadService leads, LeadRecordingResource recordings) {
        this.leads = leads;
        this.recordings = recordings;
    }

    @GET
    public Response stream(@Context ContainerRequestContext request, @PathParam("leadId") UUID leadId)
            throws InterruptedException {
        DashboardUser user = SessionFilter.user(request);
        UUID businessId = leads.businessOf(user.actor(), leadId);
        return recordings.stream(
                new AuthenticatedUser(user.subject(), AuthenticatedUser.Method.DASHBOARD_SESSION), businessId, leadId);
    }
}
