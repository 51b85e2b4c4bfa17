package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who may use the admin port ({@code server.adminConnectors}, bound to 127.0.0.1 by default). With a token, every
 * admin path but the health checks ({@code /healthcheck}, {@code /ping}) needs it as {@code Authorization: Bearer};
 * without one, production refuses the tasks. Dropwizard's own {@code admin} section is something else (health
 * check and task settings), hence the name.
 */
public class AdminAccessConfiguration {
    private String token = "";

    public boolean hasToken() {
        return !token.isEmpty();
    }

    @JsonProperty
    public String getToken() {
        return token;
    }

    @JsonProperty
    public void setToken(String token) {
        this.token = token == null ? "" : token.strip();
    }
}
