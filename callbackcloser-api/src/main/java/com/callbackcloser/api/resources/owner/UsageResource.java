package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.UsageView;
import com.callbackcloser.core.service.OwnerBillingService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The plan, this month's conversations used and left, and why texting is paused if it is. */
@Path("/api/businesses/{businessId}/usage")
@Produces(MediaType.APPLICATION_JSON)
public final class UsageResource {
    private final OwnerBillingService billing;

    public UsageResource(OwnerBillingService billing) {
        this.billing = billing;
    }

    @GET
    @Timed
    public UsageView usage(
            @Parameter(hidden = true) @Auth AuthenticatedUser user, @PathParam("businessId") UUID businessId) {
        return UsageView.of(billing.usage(Requests.actor(user), businessId));
    }
}
