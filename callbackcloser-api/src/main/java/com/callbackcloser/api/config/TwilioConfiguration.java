package com.callbackcloser.api.config;

import com.callbackcloser.api.twilio.ConnectionOverrides;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

public class TwilioConfiguration {
    private String accountSid = "";
    private String authToken = "";
    /** The auth token before a rotation, still accepted for signatures until Twilio signs with the new one. */
    private String previousAuthToken = "";
    /** Replaces https://api.twilio.com (tests and benchmarks point it at a local fake). */
    private String apiBaseUrl = "";

    private boolean validateSignature;
    /** Shared webhook token, accepted outside production only. */
    private String webhookAuthToken = "";
    /** Comma-separated tokens still accepted while Twilio numbers are re-synced to the new one. */
    private String previousWebhookAuthTokens = "";

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration requestTimeout = Duration.seconds(15);

    /** The fragment on every URL we give Twilio, so it retries our 5xx answers and timeouts (WEBHOOKS.md). */
    private ConnectionOverrides connectionOverrides = new ConnectionOverrides(ConnectionOverrides.DEFAULT);

    @JsonProperty
    public String getAccountSid() {
        return accountSid;
    }

    @JsonProperty
    public void setAccountSid(String accountSid) {
        this.accountSid = nullToEmpty(accountSid);
    }

    @JsonProperty
    public String getAuthToken() {
        return authToken;
    }

    @JsonProperty
    public void setAuthToken(String authToken) {
        this.authToken = nullToEmpty(authToken);
    }

    @JsonProperty
    public String getPreviousAuthToken() {
        return previousAuthToken;
    }

    @JsonProperty
    public void setPreviousAuthToken(String previousAuthToken) {
        this.previousAuthToken = nullToEmpty(previousAuthToken);
    }

    /** The tokens signatures are checked against: the current one first. */
    public List<String> signatureTokens() {
        return Stream.of(authToken, previousAuthToken)
                .filter(token -> !token.isBlank())
                .distinct()
                .toList();
    }

    @JsonProperty
    public String getApiBaseUrl() {
        return apiBaseUrl;
    }

    @JsonProperty
    public void setApiBaseUrl(String apiBaseUrl) {
        this.apiBaseUrl = nullToEmpty(apiBaseUrl);
    }

    @JsonProperty
    public boolean isValidateSignature() {
        return validateSignature;
    }

    @JsonProperty
    public void setValidateSignature(boolean validateSignature) {
        this.validateSignature = validateSignature;
    }

    @JsonProperty
    public String getWebhookAuthToken() {
        return webhookAuthToken;
    }

    @JsonProperty
    public void setWebhookAuthToken(String webhookAuthToken) {
        this.webhookAuthToken = nullToEmpty(webhookAuthToken);
    }

    @JsonProperty
    public String getPreviousWebhookAuthTokens() {
        return previousWebhookAuthTokens;
    }

    @JsonProperty
    public void setPreviousWebhookAuthTokens(String previousWebhookAuthTokens) {
        this.previousWebhookAuthTokens = nullToEmpty(previousWebhookAuthTokens);
    }

    @JsonProperty
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    @JsonProperty
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    @JsonProperty
    public String getConnectionOverrides() {
        return connectionOverrides.fragment();
    }

    /** Refuses (and so the service refuses to start on) a fragment Twilio would not accept. */
    @JsonProperty
    public void setConnectionOverrides(String fragment) {
        this.connectionOverrides = new ConnectionOverrides(fragment);
    }

    public ConnectionOverrides connectionOverrides() {
        return connectionOverrides;
    }

    /** Credentials present: texts go through Twilio. Otherwise (development only) they are simulated. */
    public boolean hasCredentials() {
        return !accountSid.isBlank() && !authToken.isBlank();
    }

    /** The current shared token first, then the previous ones; blanks dropped. */
    public List<String> acceptedWebhookTokens() {
        return Stream.concat(Stream.of(webhookAuthToken), Arrays.stream(previousWebhookAuthTokens.split(",")))
                .map(String::strip)
                .filter(token -> !token.isEmpty())
                .distinct()
                .toList();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
