package com.callbackcloser.api.views;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The security headers of every dashboard answer. The Content-Security-Policy allows scripts, styles, media and
 * requests from this site only and nothing inline (no {@code 'unsafe-inline'}, no {@code eval}): injected markup
 * cannot run. Pages are never cached (they show callers' numbers and texts) and never framed.
 */
@DashboardPage
public final class PageHeadersFilter implements ContainerResponseFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; media-src 'self'; connect-src 'self'; font-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final boolean https;

    public PageHeadersFilter(boolean https) {
        this.https = https;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
        // What a refresh answers depends on these: a cache in between must not hand one to the other.
        headers.add("Vary", "HX-Request, Cookie");
        if (https) {
            headers.putSingle("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
