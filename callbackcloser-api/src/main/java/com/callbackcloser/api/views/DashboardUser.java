package com.callbackcloser.api.views;

import com.callbackcloser.api.servlets.CorrelationIdFilter;
import com.callbackcloser.core.model.Actor;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Who is signed in to the dashboard: the identity provider's subject (the same {@code sub} the owner API's JWTs
 * carry, so memberships are the same), their session, and the CSRF token every form of theirs carries.
 */
public record DashboardUser(String subject, UUID sessionId, String csrfToken, SignInMethod signIn) {

    /** How the session was signed in. */
    public enum SignInMethod {
        OIDC,
        DEVELOPMENT
    }

    public DashboardUser {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(signIn, "signIn");
    }

    /** The same actor the owner API's resources hand the core, with this request's correlation id. */
    public Actor actor() {
        return new Actor(subject, MDC.get(CorrelationIdFilter.MDC_KEY));
    }
}
