package com.callbackcloser.api.twilio;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The public URLs Twilio calls. Outside production, when a shared webhook token is configured, it rides in
 * the {@code webhook_token} query parameter so Twilio's callbacks (Dial action, recording) authenticate too.
 */
public final class WebhookUrls {
    public static final String VOICE_PATH = "/api/twilio/voice";
    public static final String STATUS_PATH = "/api/twilio/status";
    public static final String SMS_PATH = "/api/twilio/sms";
    public static final String MESSAGE_STATUS_PATH = "/api/twilio/message-status";

    private final String appUrl;
    private final String token;

    public WebhookUrls(CallbackCloserConfiguration config) {
        this.appUrl = config.getAppUrl();
        List<String> tokens = config.getTwilio().acceptedWebhookTokens();
        this.token = config.isProduction() || tokens.isEmpty() ? null : tokens.get(0);
    }

    public String voice() {
        return url(VOICE_PATH);
    }

    public String status() {
        return url(STATUS_PATH);
    }

    public String sms() {
        return url(SMS_PATH);
    }

    public String messageStatus() {
        return url(MESSAGE_STATUS_PATH);
    }

    private String url(String path) {
        String url = appUrl + path;
        return token == null ? url : url + "?webhook_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
