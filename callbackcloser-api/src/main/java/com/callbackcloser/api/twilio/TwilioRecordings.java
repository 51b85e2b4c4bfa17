package com.callbackcloser.api.twilio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Fetches call recordings from Twilio with the account's credentials, so an owner can listen without ever
 * holding them. The MP3 rendition is asked for; the body is handed over as a stream, not buffered.
 */
public final class TwilioRecordings {
    private static final String TWILIO_API = "https://api.twilio.com";

    private final HttpClient http;
    private final String authorization;
    private final String apiBaseUrl;
    private final Duration timeout;

    public TwilioRecordings(String accountSid, String authToken, String apiBaseUrl, Duration timeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? null : apiBaseUrl.replaceAll("/+$", "");
        this.timeout = timeout;
    }

    /** An open recording, to be streamed and closed by the caller. */
    public record Recording(String contentType, Long length, InputStream body) {}

    /** Empty when Twilio has no such recording (any more). */
    public Optional<Recording> open(String recordingUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(mp3Url(recordingUrl)))
                .header("Authorization", authorization)
                .timeout(timeout)
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 404) {
            response.body().close();
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            response.body().close();
            throw new IOException("Twilio answered " + response.statusCode() + " for the recording");
        }
        return Optional.of(new Recording(
                response.headers().firstValue("Content-Type").orElse("audio/mpeg"),
                response.headers().firstValueAsLong("Content-Length").stream()
                        .boxed()
                        .findFirst()
                        .orElse(null),
                response.body()));
    }

    private String mp3Url(String recordingUrl) {
        String url = recordingUrl.replaceAll("\\.(json|wav|mp3)$", "") + ".mp3";
        if (apiBaseUrl != null && url.startsWith(TWILIO_API)) {
            url = apiBaseUrl + url.substring(TWILIO_API.length());
        }
        return url;
    }
}
