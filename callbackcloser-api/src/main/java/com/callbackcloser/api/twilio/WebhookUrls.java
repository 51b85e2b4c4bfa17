package com.callbackcloser.api.twilio;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The public URLs Twilio calls. Outside production, when a shared webhook token is configured, it rides in
 * the {@code webhook_token} query parameter so Twilio's callbacks (Dial action, recording, the screening whisper and
 * its key press) authenticate too.
 */
public final class WebhookUrls {
    public static final String VOICE_PATH = "/api/twilio/voice";
    public static final String STATUS_PATH = "/api/twilio/status";
    public static final String SMS_PATH = "/api/twilio/sms";
    public static final String MESSAGE_STATUS_PATH = "/api/twilio/message-status";
    /** The whisper a screened forwarded leg hears (the {@code <Number url>}). */
    public static final String SCREEN_PATH = "/api/twilio/screen";
    /** Where the whisper's key press goes (its {@code <Gather action>}). */
    public static final String SCREEN_RESULT_PATH = "/api/twilio/screen-result";

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

    public String screen() {
        return url(SCREEN_PATH);
    }

    public String screenResult() {
        return url(SCREEN_RESULT_PATH);
    }

    public String sms() {
        return url(SMS_PATH);
    }

    public String messageStatus() {
        return url(MESSAGE_STATUS_PATH);
    }

    /** The status callback of one outbound message: our id rides along, so the callback can never miss it. */
    public String messageStatus(UUID messageId) {
        return url(MESSAGE_STATUS_PATH, "messageId=" + messageId);
    }

    /**
     * Where an owner opens a lead: its dashboard page (sign-in first if need be, then back to it). The lead's id
     * is enough: the page finds the business among the user's own.
     */
    public String lead(UUID businessId, UUID leadId) {
        return appUrl + "/leads/" + leadId;
    }

    private String url(String path) {
        return url(path, null);
    }

    private String url(String path, String query) {
        StringBuilder url = new StringBuilder(appUrl).append(path);
        char separator = '?';
        if (query != null) {
            url.append(separator).append(query);
            separator = '&';
        }
        if (token != null) {
            url.append(separator).append("webhook_token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        return url.toString();
    }
}
