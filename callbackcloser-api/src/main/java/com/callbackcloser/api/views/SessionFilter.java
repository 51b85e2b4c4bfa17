package com.callbackcloser.api.views;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds the signed-in user of a {@link SignedIn} resource's request from the session cookie. Without a session
 * (never signed in, signed out, timed out) a page request is sent to sign in and comes back here afterwards; an
 * htmx request (a refresh, a form) sends the whole page there.
 */
@SignedIn
@Priority(Priorities.AUTHENTICATION)
public final class SessionFilter implements ContainerRequestFilter {
    static final String USER = DashboardUser.class.getName();

    private final Sessions sessions;
    private final String siteOrigin;

    @Context
    private ResourceInfo resource;

    public SessionFilter(Sessions sessions, String siteOrigin) {
        this.sessions = sessions;
        this.siteOrigin = siteOrigin;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean background = resource != null
                && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(BackgroundRefresh.class);
        Optional<DashboardUser> user = sessions.find(request.getCookies(), !background);
        if (user.isPresent()) {
            request.setProperty(USER, user.get());
            return;
        }
        URI signIn = URI.create("/sign-in?return_to=" + URLEncoder.encode(returnTo(request), StandardCharsets.UTF_8));
        if (Htmx.isHtmx(request)) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header("HX-Redirect", signIn.toString())
                    .build());
            return;
        }
        request.abortWith(Response.seeOther(signIn).build());
    }

    /** The page the browser is on: this one for a page request, else the page that sent it. */
    private String returnTo(ContainerRequestContext request) {
        if (!Htmx.isHtmx(request) && "GET".equals(request.getMethod())) {
            URI uri = request.getUriInfo().getRequestUri();
            String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            return ReturnTo.orHome(path);
        }
        String page = request.getHeaderString(Htmx.CURRENT_URL);
        if (page == null) {
            page = request.getHeaderString("Referer");
        }
        return ReturnTo.ofPageUrl(page, siteOrigin).orElse(ReturnTo.HOME);
    }

    /** The user {@link SessionFilter} found for this request. */
    static DashboardUser user(ContainerRequestContext request) {
        Object user = request.getProperty(USER);
        if (user instanceof DashboardUser signedIn) {
            return signedIn;
        }
        throw new IllegalStateException("not a @SignedIn resource");
    }
}
