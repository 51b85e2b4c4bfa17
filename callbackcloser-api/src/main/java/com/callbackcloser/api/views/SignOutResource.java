package com.callbackcloser.api.views;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code POST /sign-out}: ends the session in the database (the cookie is worth nothing after) and clears it. */
@Path("/sign-out")
@DashboardPage
@SignedIn
public final class SignOutResource {
    private final Sessions sessions;

    public SignOutResource(Sessions sessions) {
        this.sessions = sessions;
    }

    @POST
    public Response signOut(@Context ContainerRequestContext request) {
        return Response.seeOther(URI.create("/sign-in?signed_out=1"))
                .cookie(sessions.end(request.getCookies()))
                .build();
    }
}
