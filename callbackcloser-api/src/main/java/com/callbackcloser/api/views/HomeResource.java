package com.callbackcloser.api.views;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /}: the inbox for someone signed in, the sign-in page for everyone else. */
@Path("/")
@DashboardPage
public final class HomeResource {
    private final Sessions sessions;

    public HomeResource(Sessions sessions) {
        this.sessions = sessions;
    }

    @GET
    public Response home(@Context ContainerRequestContext request) {
        boolean signedIn = sessions.find(request.getCookies()).isPresent();
        return Response.seeOther(URI.create(signedIn ? ReturnTo.HOME : "/sign-in"))
                .build();
    }
}
