package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.OpeningHoursRequest;
import com.callbackcloser.api.representation.OpeningHoursView;
import com.callbackcloser.core.service.OpeningHoursService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Opening hours: outside them a missed caller gets the after-hours text. Without any, always open. */
@Path("/api/businesses/{businessId}/hours")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class OpeningHoursResource {
    private final OpeningHoursService hours;

    public OpeningHoursResource(OpeningHoursService hours) {
        this.hours = hours;
    }

    @GET
    @Timed
    public OpeningHoursView get(
            @Parameter(hidden = true) @Auth AuthenticatedUser user, @PathParam("businessId") UUID businessId) {
        return OpeningHoursView.of(hours.get(Requests.actor(user), businessId));
    }

    /** Replaces the weekly hours and the date exceptions together; audited. */
    @PUT
    @Timed
    public OpeningHoursView replace(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            OpeningHoursRequest request) {
        return OpeningHoursView.of(hours.replace(
                Requests.actor(user), businessId, Requests.body(request).toHours()));
    }

    /** Removes the hours: always open again; audited. */
    @DELETE
    @Timed
    public OpeningHoursView remove(
            @Parameter(hidden = true) @Auth AuthenticatedUser user, @PathParam("businessId") UUID businessId) {
        return OpeningHoursView.of(hours.replace(Requests.actor(user), businessId, null));
    }
}
