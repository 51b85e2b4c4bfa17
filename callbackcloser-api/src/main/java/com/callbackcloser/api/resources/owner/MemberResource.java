package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.core.service.MemberService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

@Path("/api/businesses/{businessId}/members/{subject}")
@Produces(MediaType.APPLICATION_JSON)
public final class MemberResource {
    private final MemberService members;

    public MemberResource(MemberService members) {
        this.members = members;
    }

    /** Removes a member (owners only); the last owner stays. */
    @DELETE
    @Timed
    public Response remove(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @PathParam("subject") String subject) {
        members.remove(Requests.actor(user), businessId, subject);
        return Response.noContent().build();
    }
}
