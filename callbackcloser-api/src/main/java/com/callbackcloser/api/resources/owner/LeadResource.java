package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.LeadDetailView;
import com.callbackcloser.api.representation.LeadStatusRequest;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.service.LeadService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

@Path("/api/businesses/{businessId}/leads/{leadId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class LeadResource {
    private final LeadService leads;

    public LeadResource(LeadService leads) {
        this.leads = leads;
    }

    @GET
    @Timed
    public LeadDetailView get(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @PathParam("leadId") UUID leadId) {
        return LeadDetailView.of(leads.detail(Requests.actor(user), businessId, leadId));
    }

    /** Moves the lead in the pipeline (agents may); audited. */
    @PATCH
    @Timed
    public LeadDetailView changeStatus(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @PathParam("leadId") UUID leadId,
            LeadStatusRequest request) {
        LeadStatus status =
                Requests.parse(LeadStatus.class, Requests.body(request).status(), "status");
        return LeadDetailView.of(leads.changeStatus(Requests.actor(user), businessId, leadId, status));
    }
}
