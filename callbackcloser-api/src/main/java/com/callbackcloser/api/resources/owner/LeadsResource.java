package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.LeadPageView;
import com.callbackcloser.core.model.LeadFilter;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.service.LeadService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

@Path("/api/businesses/{businessId}/leads")
@Produces(MediaType.APPLICATION_JSON)
public final class LeadsResource {
    private final LeadService leads;

    public LeadsResource(LeadService leads) {
        this.leads = leads;
    }

    /**
     * Newest first, each with its latest message; {@code cursor} is the previous page's {@code nextCursor}. {@code q}
     * finds callers whose number ends with its digits or, when it holds a letter, whose name contains it.
     */
    @GET
    @Timed
    public LeadPageView list(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @QueryParam("status") String status,
            @QueryParam("q") String search,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        LeadStatus filter =
                status == null || status.isBlank() ? null : Requests.parse(LeadStatus.class, status, "status");
        return LeadPageView.of(
                leads.page(Requests.actor(user), businessId, new LeadFilter(filter, search), cursor, limit));
    }
}
