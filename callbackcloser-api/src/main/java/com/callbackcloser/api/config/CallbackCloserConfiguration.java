package com.callbackcloser.api.config;

import com.callbackcloser.api.twilio.TwilioClients;
import com.callbackcloser.core.service.EndpointUrlPolicy;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.InetAddress;
import java.time.Duration;

public class CallbackCloserConfiguration extends Configuration {
    @NotNull
    private AppEnv appEnv = AppEnv.DEVELOPMENT;

    /** The public base URL Twilio reaches us at; signatures are checked against it, so it must match exactly. */
    @NotBlank
    private String appUrl = "http://localhost:8080";

    @Valid
    @NotNull
    private DatabaseConfiguration database = new DatabaseConfiguration();

    @Valid
    @NotNull
    private TwilioConfiguration twilio = new TwilioConfiguration();

    @Valid
    @NotNull
    private WebhookConfiguration webhooks = new WebhookConfiguration();

    @Valid
    @NotNull
    private OutboxConfiguration outbox = new OutboxConfiguration();

    @Valid
    @NotNull
    private OutboundWebhookConfiguration outboundWebhooks = new OutboundWebhookConfiguration();

    @Valid
    @NotNull
    private StripeConfiguration stripe = new StripeConfiguration();

    @Valid
    @NotNull
    private PlansConfiguration plans = new PlansConfiguration();

    @Valid
    @NotNull
    private AuthConfiguration auth = new AuthConfiguration();

    @Valid
    @NotNull
    private AlertConfiguration alerts = new AlertConfiguration();

    @Valid
    @NotNull
    private RateLimitConfiguration rateLimits = new RateLimitConfiguration();

    @Valid
    @NotNull
    private BackupConfiguration backup = new BackupConfiguration();

    @Valid
    @NotNull
    private AdminAccessConfiguration adminAccess = new AdminAccessConfiguration();

    @Valid
    @NotNull
    private DashboardConfiguration dashboard = new DashboardConfiguration();

    @JsonProperty
    public AppEnv getAppEnv() {
        return appEnv;
    }

    @JsonProperty
    public void setAppEnv(AppEnv appEnv) {
        this.appEnv = appEnv;
    }

    public boolean isProduction() {
        return appEnv == AppEnv.PRODUCTION;
    }

    @JsonProperty
    public String getAppUrl() {
        return appUrl;
    }

    @JsonProperty
    public void setAppUrl(String appUrl) {
        this.appUrl = appUrl == null ? null : appUrl.strip().replaceAll("/+$", "");
    }

    @JsonProperty
    public DatabaseConfiguration getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DatabaseConfiguration database) {
        this.database = database;
    }

    @JsonProperty
    public TwilioConfiguration getTwilio() {
        return twilio;
    }

    @JsonProperty
    public void setTwilio(TwilioConfiguration twilio) {
        this.twilio = twilio;
    }

    @JsonProperty
    public WebhookConfiguration getWebhooks() {
        return webhooks;
    }

    @JsonProperty
    public void setWebhooks(WebhookConfiguration webhooks) {
        this.webhooks = webhooks;
    }

    @JsonProperty
    public OutboxConfiguration getOutbox() {
        return outbox;
    }

    @JsonProperty
    public void setOutbox(OutboxConfiguration outbox) {
        this.outbox = outbox;
    }

    /**
     * A send must end, answered or timed out, before its lease does. Otherwise a worker takes it for interrupted
     * while the Twilio call is still waiting, does not find the text at Twilio yet, and queues it again: sent twice.
     */
    @JsonIgnore
    @ValidationMethod(
            message = "outbox.sendingLease must be longer than three times twilio.requestTimeout, the longest one"
                    + " Twilio call can take (waiting for a connection, connecting, waiting for the answer)")
    public boolean isSendingLeaseLongerThanASend() {
        if (outbox == null
                || twilio == null
                || outbox.getSendingLease() == null
                || twilio.getRequestTimeout() == null) {
            return true; // reported by @NotNull
        }
        Duration longestCall =
                TwilioClients.longestCall(twilio.getRequestTimeout().toJavaDuration());
        return outbox.getSendingLease().toJavaDuration().compareTo(longestCall) > 0;
    }

    @JsonProperty
    public OutboundWebhookConfiguration getOutboundWebhooks() {
        return outboundWebhooks;
    }

    @JsonProperty
    public void setOutboundWebhooks(OutboundWebhookConfiguration outboundWebhooks) {
        this.outboundWebhooks = outboundWebhooks;
    }

    /** Which URLs webhooks may go to: loopback endpoints are a development convenience production never allows. */
    public EndpointUrlPolicy webhookUrlPolicy() {
        return new EndpointUrlPolicy(
                !isProduction() && outboundWebhooks.isAllowLoopbackEndpoints(), InetAddress::getAllByName);
    }

    @JsonProperty
    public StripeConfiguration getStripe() {
        return stripe;
    }

    @JsonProperty
    public void setStripe(StripeConfiguration stripe) {
        this.stripe = stripe;
    }

    @JsonProperty
    public PlansConfiguration getPlans() {
        return plans;
    }

    @JsonProperty
    public void setPlans(PlansConfiguration plans) {
        this.plans = plans;
    }

    @JsonProperty
    public AuthConfiguration getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(AuthConfiguration auth) {
        this.auth = auth;
    }

    @JsonProperty
    public AlertConfiguration getAlerts() {
        return alerts;
    }

    @JsonProperty
    public void setAlerts(AlertConfiguration alerts) {
        this.alerts = alerts;
    }

    @JsonProperty
    public BackupConfiguration getBackup() {
        return backup;
    }

    @JsonProperty
    public void setBackup(BackupConfiguration backup) {
        this.backup = backup;
    }

    @JsonProperty
    public AdminAccessConfiguration getAdminAccess() {
        return adminAccess;
    }

    @JsonProperty
    public void setAdminAccess(AdminAccessConfiguration adminAccess) {
        this.adminAccess = adminAccess;
    }

    @JsonProperty
    public DashboardConfiguration getDashboard() {
        return dashboard;
    }

    @JsonProperty
    public void setDashboard(DashboardConfiguration dashboard) {
        this.dashboard = dashboard;
    }

    @JsonProperty
    public RateLimitConfiguration getRateLimits() {
        return rateLimits;
    }

    @JsonProperty
    public void setRateLimits(RateLimitConfiguration rateLimits) {
        this.rateLimits = rateLimits;
    }
}
