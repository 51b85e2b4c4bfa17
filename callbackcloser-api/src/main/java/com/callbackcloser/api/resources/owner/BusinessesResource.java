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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

@Path("/api/businesses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class BusinessesResource {
    private final OwnerBusinessService businesses;

    public BusinessesResource(OwnerBusinessService businesses) {
        this.businesses = businesses;
    }

    /** Onboarding: the caller becomes the owner of the new business. */
    @POST
    @Timed
    public Response create(@Parameter(hidden = true) @Auth AuthenticatedUser user, BusinessRequest request) {
        BusinessView created = BusinessView.of(
                businesses.onboard(Requests.actor(user), Requests.body(request).toNewSettings()));
        return Response.created(URI.create("/api/businesses/" + created.id()))
                .entity(created)
                .build();
    }

    /** The businesses the caller is a member of, with the caller's role in each. */
    @GET
    @Timed
    public List<BusinessView> mine(@Parameter(hidden = true) @Auth AuthenticatedUser user) {
        return businesses.listMine(Requests.actor(user)).stream()
                .map(BusinessView::of)
                .toList();
    }
}
