package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

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
    /** The same error (logger, exception class, message template) is posted at most once per this interval. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration repeatInterval = Duration.minutes(1);

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

    @JsonProperty
    public Duration getRepeatInterval() {
        return repeatInterval;
    }

    @JsonProperty
    public void setRepeatInterval(Duration repeatInterval) {
        this.repeatInterval = repeatInterval;
    }
}
