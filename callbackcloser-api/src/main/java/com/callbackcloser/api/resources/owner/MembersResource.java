package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.MemberRequest;
import com.callbackcloser.api.representation.MemberView;
import com.callbackcloser.core.model.Role;
import com.callbackcloser.core.service.MemberService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

@Path("/api/businesses/{businessId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class MembersResource {
    private final MemberService members;

    public MembersResource(MemberService members) {
        this.members = members;
    }

    @GET
    @Timed
    public List<MemberView> list(
            @Parameter(hidden = true) @Auth AuthenticatedUser user, @PathParam("businessId") UUID businessId) {
        return members.list(Requests.actor(user), businessId).stream()
                .map(MemberView::of)
                .toList();
    }

    /** Adds a member, or changes an existing member's role (owners only). */
    @POST
    @Timed
    public MemberView put(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            MemberRequest request) {
        MemberRequest body = Requests.body(request);
        return MemberView.of(members.put(
                Requests.actor(user), businessId, body.subject(), Requests.parse(Role.class, body.role(), "role")));
    }
}
