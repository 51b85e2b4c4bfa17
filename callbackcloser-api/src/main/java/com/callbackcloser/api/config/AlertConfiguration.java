package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Where application errors are posted (e.g. a Slack or PagerDuty webhook); empty URL: nowhere. */
public class AlertConfiguration {
    private String webhookUrl = "";
    private String webhookToken = "";

    @NotNull
    private Duration timeout = Duration.seconds(4);
    /** Alerts waiting to be posted; beyond this they are dropped (and counted), never piled up in memory. */
    @Min(1)
    @Max(10_000)
    private int queueSize = 256;

    @JsonProperty
    public String getWebhookUrl() {
        return webhookUrl;
    }

    @JsonProperty
    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl == null ? "" : webhookUrl.strip();
    }

    @JsonProperty
    public String getWebhookToken() {
        return webhookToken;
    }

    @JsonProperty
    public void setWebhookToken(String webhookToken) {
        this.webhookToken = webhookToken == null ? "" : webhookToken.strip();
    }

    @JsonProperty
    public Duration getTimeout() {
        return timeout;
    }

    @JsonProperty
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @JsonProperty
    public int getQueueSize() {
        return queueSize;
    }

    @JsonProperty
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }
}
