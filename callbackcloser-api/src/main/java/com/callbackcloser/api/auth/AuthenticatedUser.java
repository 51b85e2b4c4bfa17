package com.callbackcloser.api.auth;

import java.security.Principal;
import java.util.Objects;

/** The caller of the owner API: the identity provider's subject, however it was proven. */
public record AuthenticatedUser(String subject, Method method) implements Principal {

    public enum Method {
        JWT,
        API_KEY,
        /** Signed in to the dashboard (its pages call some of the API's resources as this user). */
        DASHBOARD_SESSION
    }

    public AuthenticatedUser {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(method, "method");
    }

    @Override
    public String getName() {
        return subject;
    }
}
