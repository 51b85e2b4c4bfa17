package com.callbackcloser.api.views;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /sign-in}: the way in, and where a link that needs sign-in sends the browser first. */
@Path("/sign-in")
@DashboardPage
@Produces(Page.HTML)
public final class SignInPageResource {
    private final Sessions sessions;
    private final SignInSettings settings;
    private final Pages pages;

    public SignInPageResource(Sessions sessions, SignInSettings settings, Pages pages) {
        this.sessions = sessions;
        this.settings = settings;
        this.pages = pages;
    }

    @GET
    public Response page(
            @Context ContainerRequestContext request,
            @QueryParam("return_to") String returnTo,
            @QueryParam("signed_out") String signedOut) {
        String target = ReturnTo.orHome(returnTo);
        if (sessions.find(request.getCookies()).isPresent()) {
            return Response.seeOther(URI.create(target)).build();
        }
        String notice = signedOut != null ? "You are signed out." : "";
        return render(target, notice, "", "", 200);
    }

    /** The page again, with the form's fresh token in its cookie; also for a refused attempt. */
    Response render(String returnTo, String notice, String error, String name, int status) {
        String formToken = SessionTokens.newToken();
        SignInPage page = new SignInPage(
                pages.signedOut("Sign in"),
                returnTo,
                settings.oidc() != null,
                settings.development(),
                formToken,
                notice,
                error.isEmpty() && !settings.anyWay()
                        ? "Sign-in is not configured: the operator sets AUTH_OIDC_CLIENT_ID (docs/DASHBOARD.md)."
                        : error,
                name);
        return Response.status(status)
                .entity(page)
                .cookie(settings.formCookie(formToken))
                .build();
    }
}
