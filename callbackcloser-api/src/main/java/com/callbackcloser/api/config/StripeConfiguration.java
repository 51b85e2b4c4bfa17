package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;

public class StripeConfiguration {
    private String secretKey = "";
    private String webhookSecret = "";
    /** Replaces https://api.stripe.com (tests point it at a local fake). */
    private String apiBaseUrl = "";

    private String priceStarter = "";
    private String pricePro = "";

    @JsonProperty
    public String getSecretKey() {
        return secretKey;
    }

    @JsonProperty
    public void setSecretKey(String secretKey) {
        this.secretKey = nullToEmpty(secretKey);
    }

    @JsonProperty
    public String getWebhookSecret() {
        return webhookSecret;
    }

    @JsonProperty
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = nullToEmpty(webhookSecret);
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
    public String getPriceStarter() {
        return priceStarter;
    }

    @JsonProperty
    public void setPriceStarter(String priceStarter) {
        this.priceStarter = nullToEmpty(priceStarter);
    }

    @JsonProperty
    public String getPricePro() {
        return pricePro;
    }

    @JsonProperty
    public void setPricePro(String pricePro) {
        this.pricePro = nullToEmpty(pricePro);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
