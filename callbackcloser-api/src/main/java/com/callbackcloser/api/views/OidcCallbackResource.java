package com.callbackcloser.api.views;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /auth/callback}: the identity provider's answer. Checked by {@link OidcSignIn#finish}; signed in, the
 * browser gets a new session and goes where it was going; refused, the sign-in page says why (the log says more).
 */
@Path(OidcSignIn.CALLBACK_PATH)
@DashboardPage
@Produces(Page.HTML)
public final class OidcCallbackResource {
    private static final Logger LOG = LoggerFactory.getLogger("dashboard.sign-in");

    private final Sessions sessions;
    private final SignInSettings settings;
    private final SignInPageResource signInPage;

    public OidcCallbackResource(Sessions sessions, SignInSettings settings, SignInPageResource signInPage) {
        this.sessions = sessions;
        this.settings = settings;
        this.signInPage = signInPage;
    }

    @GET
    public Response callback(@Context ContainerRequestContext request) {
        if (settings.oidc() == null) {
            return signInPage.render(
                    ReturnTo.HOME, "", "Sign-in with an identity provider is not configured.", "", 404);
        }
        URI callback = request.getUriInfo().getRequestUri();
        String state = SignInSettings.value(request.getCookies(), SignInSettings.STATE_COOKIE);
        try {
            OidcSignIn.SignedIn signedIn = settings.oidc().finish(callback, state);
            sessions.end(request.getCookies());
            LOG.info("event=dashboard.sign-in decision=signed_in method=oidc");
            return Response.seeOther(URI.create(ReturnTo.orHome(signedIn.returnTo())))
                    .cookie(
                            sessions.start(signedIn.subject(), DashboardUser.SignInMethod.OIDC),
                            settings.clearStateCookie())
                    .build();
        } catch (OidcSignIn.RefusedException e) {
            LOG.info("event=dashboard.sign-in decision=refused reason=\"{}\"", e.getMessage());
            Response page = signInPage.render(ReturnTo.HOME, "", e.userMessage(), "", 400);
            return Response.fromResponse(page)
                    .cookie(settings.clearStateCookie())
                    .build();
        }
    }
}
