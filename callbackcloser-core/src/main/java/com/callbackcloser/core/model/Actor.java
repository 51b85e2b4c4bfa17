package com.callbackcloser.core.model;

import java.util.Objects;

/** Who is asking: the signed-in user, and the request's correlation id for the audit trail. */
public record Actor(String subject, String correlationId) {
    public Actor {
        Objects.requireNonNull(subject, "subject");
    }
}
