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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fetches call recordings from Twilio with the account's credentials, so an owner can listen without ever
 * holding them. The MP3 rendition is asked for; the body is handed over as a stream, not buffered.
 *
 * <p>The credentials make this a confused deputy if anything but Twilio decides where it goes: the URL is built
 * from the recording's SID on our own account and Twilio's API base, never from the {@code RecordingUrl} a
 * callback stored. Twilio may answer with a redirect to a short-lived media URL on another host; it is followed
 * once, without the credentials. Only an {@code audio/*} answer is streamed, so nothing else (an internal page
 * behind a redirect, an error page) reaches the owner.
 */
public final class TwilioRecordings {
    private static final URI TWILIO_API = URI.create("https://api.twilio.com");
    private static final Pattern RECORDING_SID = Pattern.compile("RE[0-9a-fA-F]{32}");

    private final HttpClient http;
    private final String accountSid;
    private final String authorization;
    private final URI apiBase;
    private final Duration timeout;

    public TwilioRecordings(String accountSid, String authToken, String apiBaseUrl, Duration timeout) {
        // Redirects are ours to follow: the JDK client would send the Authorization header to wherever they point.
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.accountSid = accountSid;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.apiBase = apiBaseUrl == null || apiBaseUrl.isBlank()
                ? TWILIO_API
                : URI.create(apiBaseUrl.strip().replaceAll("/+$", ""));
        this.timeout = timeout;
    }

    /** An open recording, to be streamed and closed by the caller. */
    public record Recording(String contentType, Long length, InputStream body) {}

    /** Whether {@code sid} has the shape of a recording SID: RE and 32 hex digits. */
    private static boolean isRecordingSid(String sid) {
        return sid != null && RECORDING_SID.matcher(sid).matches();
    }

    /**
     * The recording, or empty when Twilio has no such recording (any more) or the SID is not a recording SID.
     *
     * @throws IOException when Twilio fails, redirects more than once, or answers with anything but audio
     */
    public Optional<Recording> open(String recordingSid) throws IOException, InterruptedException {
        if (!isRecordingSid(recordingSid)) {
            return Optional.empty();
        }
        URI media = URI.create(apiBase + "/2010-04-01/Accounts/" + accountSid + "/Recordings/" + recordingSid + ".mp3");
        HttpResponse<InputStream> response = get(media, true);
        if (isRedirect(response.statusCode())) {
            URI target = redirectTarget(media, response);
            response = get(target, false);
            if (isRedirect(response.statusCode())) {
                response.body().close();
                throw new IOException("Twilio redirected the recording more than once");
            }
        }
        if (response.statusCode() == 404) {
            response.body().close();
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            response.body().close();
            throw new IOException("Twilio answered " + response.statusCode() + " for the recording");
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.strip().toLowerCase(Locale.ROOT).startsWith("audio/")) {
            response.body().close();
            throw new IOException("the recording's answer is not audio (" + describe(contentType) + ")");
        }
        return Optional.of(new Recording(
                contentType,
                response.headers().firstValueAsLong("Content-Length").stream()
                        .boxed()
                        .findFirst()
                        .orElse(null),
                response.body()));
    }

    private HttpResponse<InputStream> get(URI uri, boolean withCredentials) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (withCredentials) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Where Twilio sends us: over https, or over http only when the API base itself is a local http fake. */
    private URI redirectTarget(URI from, HttpResponse<InputStream> response) throws IOException {
        response.body().close();
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IOException("Twilio redirected the recording without a Location"));
        URI target;
        try {
            target = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("Twilio redirected the recording to a malformed URL", e);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = scheme.equals("https") || (scheme.equals("http") && "http".equals(apiBase.getScheme()));
        if (!allowed || target.getHost() == null) {
            throw new IOException("Twilio redirected the recording to a URL that is not https");
        }
        return target;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String describe(String contentType) {
        return contentType.isBlank() ? "no content type" : contentType.replaceAll("[^\\w/.+;= -]", "?");
    }
}
