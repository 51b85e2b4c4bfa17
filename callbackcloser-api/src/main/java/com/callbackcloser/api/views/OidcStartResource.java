package com.callbackcloser.api.views;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /auth/start}: sends the browser to the identity provider, with PKCE, a state (also put in a cookie of
 * this browser) and a nonce. A link, not a form: the Content-Security-Policy's form-action allows this site only.
 */
@Path("/auth/start")
@DashboardPage
@Produces(Page.HTML)
public final class OidcStartResource {
    private static final Logger LOG = LoggerFactory.getLogger("dashboard.sign-in");

    private final SignInSettings settings;
    private final SignInPageResource signInPage;

    public OidcStartResource(SignInSettings settings, SignInPageResource signInPage) {
        this.settings = settings;
        this.signInPage = signInPage;
    }

    @GET
    public Response start(@QueryParam("return_to") String returnTo) {
        String target = ReturnTo.orHome(returnTo);
        if (settings.oidc() == null) {
            return signInPage.render(target, "", "Sign-in with an identity provider is not configured here.", "", 404);
        }
        try {
            OidcSignIn.Started started = settings.oidc().start(target);
            return Response.seeOther(started.authorizationUrl())
                    .cookie(settings.stateCookie(started.state()))
                    .build();
        } catch (OidcSignIn.RefusedException e) {
            LOG.warn("event=dashboard.sign-in decision=refused reason=\"{}\"", e.getMessage());
            return signInPage.render(target, "", e.userMessage(), "", 503);
        }
    }
}
