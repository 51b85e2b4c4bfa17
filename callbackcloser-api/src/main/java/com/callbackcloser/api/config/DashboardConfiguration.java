package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard (docs/DASHBOARD.md): how owners sign in, and how long a session lasts. Sign-in in production is
 * OpenID Connect against the owner API's issuer ({@code AUTH_JWT_ISSUER}), so the dashboard's user is the same
 * {@code sub} the API's JWTs carry; outside production a form signs in as any name typed.
 */
public class DashboardConfiguration {
    /** The client the identity provider registered for the dashboard. Empty: no OpenID Connect sign-in. */
    private String oidcClientId = "";

    private String oidcClientSecret = "";

    /** Space-separated; {@code openid} is always asked for. */
    private String oidcScopes = "openid profile email";

    /**
     * How the client secret goes to the token endpoint: {@code client_secret_basic} (an Authorization header, the
     * default) or {@code client_secret_post} (form fields; Auth0's default for a regular web application).
     */
    private String oidcTokenAuthMethod = "client_secret_basic";

    /** {@code true}, {@code false}, or empty: on outside production, off in production. */
    private String devSignIn = "";

    /** A session nobody used for this long ends. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration sessionIdleTimeout = Duration.days(7);

    /** A session ends this long after sign-in, however busy. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration sessionMaxAge = Duration.days(30);

    /** How long a browser may take at the identity provider between leaving and coming back. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration signInTimeout = Duration.minutes(10);

    /** Timeout of each request to the identity provider (discovery, keys, token). */
    @NotNull
    private Duration providerTimeout = Duration.seconds(10);

    /** How often an open inbox or conversation asks for news. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration refreshInterval = Duration.seconds(5);

    public boolean oidcConfigured() {
        return !oidcClientId.isBlank();
    }

    /** Whether the name-only sign-in form is offered: on by default outside production, never in production. */
    public boolean devSignInEnabled(boolean production) {
        return !production && !"false".equals(devSignInSetting());
    }

    /** Set explicitly to true: what production refuses. */
    public boolean devSignInRequested() {
        return "true".equals(devSignInSetting());
    }

    private String devSignInSetting() {
        return devSignIn.strip().toLowerCase(Locale.ROOT);
    }

    @JsonProperty
    public String getOidcClientId() {
        return oidcClientId;
    }

    @JsonProperty
    public void setOidcClientId(String oidcClientId) {
        this.oidcClientId = oidcClientId == null ? "" : oidcClientId.strip();
    }

    @JsonProperty
    public String getOidcClientSecret() {
        return oidcClientSecret;
    }

    @JsonProperty
    public void setOidcClientSecret(String oidcClientSecret) {
        this.oidcClientSecret = oidcClientSecret == null ? "" : oidcClientSecret.strip();
    }

    @JsonProperty
    public String getOidcScopes() {
        return oidcScopes;
    }

    @JsonProperty
    public void setOidcScopes(String oidcScopes) {
        this.oidcScopes = oidcScopes == null || oidcScopes.isBlank() ? "openid" : oidcScopes.strip();
    }

    @JsonProperty
    public String getOidcTokenAuthMethod() {
        return oidcTokenAuthMethod;
    }

    @JsonProperty
    public void setOidcTokenAuthMethod(String oidcTokenAuthMethod) {
        String value = oidcTokenAuthMethod == null || oidcTokenAuthMethod.isBlank()
                ? "client_secret_basic"
                : oidcTokenAuthMethod.strip().toLowerCase(Locale.ROOT);
        if (!value.equals("client_secret_basic") && !value.equals("client_secret_post")) {
            throw new IllegalArgumentException(
                    "AUTH_OIDC_TOKEN_AUTH_METHOD is client_secret_basic or client_secret_post, not "
                            + oidcTokenAuthMethod);
        }
        this.oidcTokenAuthMethod = value;
    }

    @JsonProperty
    public String getDevSignIn() {
        return devSignIn;
    }

    @JsonProperty
    public void setDevSignIn(String devSignIn) {
        String value = devSignIn == null ? "" : devSignIn.strip().toLowerCase(Locale.ROOT);
        if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("DASHBOARD_DEV_SIGN_IN is true, false or empty, not " + devSignIn);
        }
        this.devSignIn = value;
    }

    @JsonProperty
    public Duration getSessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    @JsonProperty
    public void setSessionIdleTimeout(Duration sessionIdleTimeout) {
        this.sessionIdleTimeout = sessionIdleTimeout;
    }

    @JsonProperty
    public Duration getSessionMaxAge() {
        return sessionMaxAge;
    }

    @JsonProperty
    public void setSessionMaxAge(Duration sessionMaxAge) {
        this.sessionMaxAge = sessionMaxAge;
    }

    @JsonProperty
    public Duration getSignInTimeout() {
        return signInTimeout;
    }

    @JsonProperty
    public void setSignInTimeout(Duration signInTimeout) {
        this.signInTimeout = signInTimeout;
    }

    @JsonProperty
    public Duration getProviderTimeout() {
        return providerTimeout;
    }

    @JsonProperty
    public void setProviderTimeout(Duration providerTimeout) {
        this.providerTimeout = providerTimeout;
    }

    @JsonProperty
    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    @JsonProperty
    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }
}
