package com.callbackcloser.api.views;

import com.callbackcloser.core.model.Strings;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /sign-in/dev}: development only (never in production, whatever the configuration says), signs in as
 * the name typed, so {@code make run} shows the dashboard without an identity provider. The form carries a token
 * that must match its cookie: another site cannot sign a browser in as someone of its choosing.
 */
@Path("/sign-in/dev")
@DashboardPage
@Produces(Page.HTML)
public final class DevSignInResource {
    static final int MAX_NAME_LENGTH = 80;
    private static final Logger LOG = LoggerFactory.getLogger("dashboard.sign-in");

    private final Sessions sessions;
    private final SignInSettings settings;
    private final SignInPageResource signInPage;

    public DevSignInResource(Sessions sessions, SignInSettings settings, SignInPageResource signInPage) {
        this.sessions = sessions;
        this.settings = settings;
        this.signInPage = signInPage;
    }

    @POST
    public Response signIn(
            @Context ContainerRequestContext request,
            @FormParam("name") String name,
            @FormParam("return_to") String returnTo,
            @FormParam(CsrfFilter.FIELD) String formToken) {
        String target = ReturnTo.orHome(returnTo);
        if (!settings.development()) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(ErrorPage.of(404, "Not found", "This sign-in is for development only."))
                    .build();
        }
        String expected = SignInSettings.value(request.getCookies(), SignInSettings.FORM_COOKIE);
        if (!SessionTokens.same(expected, formToken)) {
            return signInPage.render(target, "", "The sign-in form had expired. Try again.", "", 403);
        }
        String subject = name == null ? "" : name.strip();
        if (subject.isEmpty() || subject.length() > MAX_NAME_LENGTH || Strings.hasForbiddenCharacter(subject)) {
            return signInPage.render(
                    target, "", "Type a name of 1 to " + MAX_NAME_LENGTH + " characters.", subject, 422);
        }
        // A new session every time: a session cookie planted before sign-in is worth nothing after it.
        sessions.end(request.getCookies());
        LOG.info("event=dashboard.sign-in decision=signed_in method=development");
        return Response.seeOther(URI.create(target))
                .cookie(sessions.start(subject, DashboardUser.SignInMethod.DEVELOPMENT))
                .build();
    }
}
