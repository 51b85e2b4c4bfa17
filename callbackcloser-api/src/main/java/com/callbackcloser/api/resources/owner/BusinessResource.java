package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.BusinessRequest;
import com.callbackcloser.api.representation.BusinessView;
import com.callbackcloser.core.service.OwnerBusinessService;
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

@Path("/api/businesses/{businessId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class BusinessResource {
    private final OwnerBusinessService businesses;

    public BusinessResource(OwnerBusinessService businesses) {
        this.businesses = businesses;
    }

    @GET
    @Timed
    public BusinessView get(
            @Parameter(hidden = true) @Auth AuthenticatedUser user, @PathParam("businessId") UUID businessId) {
        return BusinessView.of(businesses.get(Requests.actor(user), businessId));
    }

    /** Changes the settings sent, leaves the others; every change is audited. */
    @PATCH
    @Timed
    public BusinessView update(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            BusinessRequest request) {
        return BusinessView.of(businesses.updateSettings(
                Requests.actor(user), businessId, Requests.body(request).toPatch()));
    }
}
