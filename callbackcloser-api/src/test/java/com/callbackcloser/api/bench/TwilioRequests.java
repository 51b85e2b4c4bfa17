package com.callbackcloser.api.bench;

import com.callbackcloser.api.testing.TwilioSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Webhook requests shaped and signed as Twilio sends them, to a service whose APP_URL is {@code publicUrl}. */
public final class TwilioRequests {
    private final String baseUrl;
    private final String publicUrl;

    public TwilioRequests(String baseUrl, String publicUrl) {
        this.baseUrl = baseUrl;
        this.publicUrl = publicUrl;
    }

    /** The Dial action callback of a call nobody answered. */
    public HttpRequest missedCall(String callSid, String caller, String twilioNumber) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", FakeTwilioApi.ACCOUNT_SID);
        params.put("CallSid", callSid);
        params.put("From", caller);
        params.put("To", twilioNumber);
        params.put("CallStatus", "completed");
        params.put("DialCallStatus", "no-answer");
        params.put("Direction", "inbound");
        return post("/api/twilio/status", params);
    }

    /** The same, for a call that was recorded: the Dial's result carries the recording, as Twilio's does. */
    public HttpRequest missedCall(
            String callSid, String caller, String twilioNumber, String recordingSid, int seconds) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", FakeTwilioApi.ACCOUNT_SID);
        params.put("CallSid", callSid);
        params.put("From", caller);
        params.put("To", twilioNumber);
        params.put("CallStatus", "completed");
        params.put("DialCallStatus", "no-answer");
        params.put("Direction", "inbound");
        params.put("RecordingSid", recordingSid);
        params.put("RecordingUrl", FakeTwilioApi.recordingUrl(recordingSid));
        params.put("RecordingStatus", "completed");
        params.put("RecordingDuration", Integer.toString(seconds));
        return post("/api/twilio/status", params);
    }

    /** Twilio's status callback for a text the service sent ({@code messageId} rides in its URL). */
    public HttpRequest messageStatus(String messageId, String messageSid, String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", FakeTwilioApi.ACCOUNT_SID);
        params.put("MessageSid", messageSid);
        params.put("SmsSid", messageSid);
        params.put("MessageStatus", status);
        params.put("SmsStatus", status);
        return post("/api/twilio/message-status?messageId=" + messageId, params);
    }

    /** A text from {@code caller} to the business's number. */
    public HttpRequest sms(String messageSid, String caller, String twilioNumber, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", FakeTwilioApi.ACCOUNT_SID);
        params.put("MessageSid", messageSid);
        params.put("SmsSid", messageSid);
        params.put("From", caller);
        params.put("To", twilioNumber);
        params.put("Body", body);
        params.put("NumMedia", "0");
        return post("/api/twilio/sms", params);
    }

    private HttpRequest post(String path, Map<String, String> params) {
        String body = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", TwilioSignature.sign(FakeTwilioApi.AUTH_TOKEN, publicUrl + path, params))
                .header(
                        "I-Twilio-Idempotency-Token",
                        java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
