package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/** Who may call the owner API: JWTs from the identity provider, and API keys. */
public class AuthConfiguration {
    /** The identity provider's issuer ({@code iss}), e.g. https://clerk.example.com. Empty: JWTs are refused. */
    private String jwtIssuer = "";
    /** Where the provider publishes its signing keys. */
    private String jwksUrl = "";
    /** When set, tokens must name it in {@code aud}. */
    private String audience = "";

    @NotNull
    private Duration clockSkew = Duration.seconds(60);
    /** At most one JWKS fetch this often, even when tokens keep naming unknown keys. */
    @NotNull
    private Duration jwksRefreshInterval = Duration.seconds(10);

    public boolean jwtConfigured() {
        return !jwtIssuer.isBlank() && !jwksUrl.isBlank();
    }

    @JsonProperty
    public String getJwtIssuer() {
        return jwtIssuer;
    }

    @JsonProperty
    public void setJwtIssuer(String jwtIssuer) {
        this.jwtIssuer = jwtIssuer == null ? "" : jwtIssuer.strip();
    }

    @JsonProperty
    public String getJwksUrl() {
        return jwksUrl;
    }

    @JsonProperty
    public void setJwksUrl(String jwksUrl) {
        this.jwksUrl = jwksUrl == null ? "" : jwksUrl.strip();
    }

    @JsonProperty
    public String getAudience() {
        return audience;
    }

    @JsonProperty
    public void setAudience(String audience) {
        this.audience = audience == null ? "" : audience.strip();
    }

    @JsonProperty
    public Duration getClockSkew() {
        return clockSkew;
    }

    @JsonProperty
    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    @JsonProperty
    public Duration getJwksRefreshInterval() {
        return jwksRefreshInterval;
    }

    @JsonProperty
    public void setJwksRefreshInterval(Duration jwksRefreshInterval) {
        this.jwksRefreshInterval = jwksRefreshInterval;
    }
}
