package com.callbackcloser.api.views;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.glassfish.jersey.server.ContainerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every state-changing request of a signed-in page carries the session's CSRF token: a form's hidden
 * {@value #FIELD} field, or htmx's {@value #HEADER} header. Another site can make a browser send the cookie
 * (SameSite=Lax still allows top-level GETs, and older browsers ignore it), never the token. Missing or wrong: 403.
 */
@SignedIn
@Priority(Priorities.AUTHORIZATION)
public final class CsrfFilter implements ContainerRequestFilter {
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger LOG = LoggerFactory.getLogger("dashboard.csrf");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        DashboardUser user = SessionFilter.user(request);
        if (SessionTokens.same(user.csrfToken(), token(request))) {
            return;
        }
        LOG.info(
                "event=dashboard.csrf decision=refused method={} path={}",
                request.getMethod(),
                request.getUriInfo().getPath());
        request.abortWith(Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(ErrorPage.of(
                        403, "This form has expired", "Nothing was changed. Go back, reload the page and try again."))
                .build());
    }

    private static String token(ContainerRequestContext request) {
        String header = request.getHeaderString(HEADER);
        if (header != null) {
            return header;
        }
        if (request instanceof ContainerRequest jersey
                && request.hasEntity()
                && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            // Buffered, so the resource's @FormParam fields read the same body again.
            jersey.bufferEntity();
            return jersey.readEntity(Form.class).asMap().getFirst(FIELD);
        }
        return null;
    }
}
