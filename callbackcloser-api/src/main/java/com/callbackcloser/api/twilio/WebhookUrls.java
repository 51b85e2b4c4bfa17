package com.callbackcloser.api.twilio;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The public URLs Twilio calls, each with Twilio's connection overrides so it retries our 5xx answers and timeouts.
 * Outside production, when a shared webhook token is configured, it rides in the {@code webhook_token} query parameter
 * so Twilio's callbacks (Dial action, recording, the screening whisper and its key press) authenticate too.
 *
 * <p>Which token: the URLs a TwiML answer hands out ({@link #answering}) carry the token the request itself
 * authenticated with, so every callback of one call presents the credential its first request did. During a
 * rotation that is the previous token until the number is re-synced: an instance still on the old configuration (a
 * rolling deploy, a rollback) accepts it, and the rotation's end (dropping the previous token once nothing presents
 * it) waits for the calls in progress too. The URLs set on numbers and texts carry the current token.
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

    /** Request property: the shared token a webhook request authenticated with (set by the authenticator). */
    static final String AUTHENTICATED_TOKEN = WebhookUrls.class.getName() + ".authenticatedToken";

    private final String appUrl;
    private final String token;
    private final ConnectionOverrides overrides;

    public WebhookUrls(CallbackCloserConfiguration config) {
        this(config.getAppUrl(), currentToken(config), config.getTwilio().connectionOverrides());
    }

    private WebhookUrls(String appUrl, String token, ConnectionOverrides overrides) {
        this.appUrl = appUrl;
        this.token = token;
        this.overrides = overrides;
    }

    private static String currentToken(CallbackCloserConfiguration config) {
        List<String> tokens = config.getTwilio().acceptedWebhookTokens();
        return config.isProduction() || tokens.isEmpty() ? null : tokens.get(0);
    }

    /** The URLs to put in the answer to this request: with the shared token it authenticated with, if any. */
    public WebhookUrls answering(ContainerRequestContext request) {
        return token != null && request.getProperty(AUTHENTICATED_TOKEN) instanceof String presented
                ? new WebhookUrls(appUrl, presented, overrides)
                : this;
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
     * is enough: the page finds the business among the user's own. Not a Twilio URL: no
     * token, no connection overrides.
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
        return overrides.appendTo(url.toString());
    }
}
