package com.callbackcloser.api.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Posts webhooks to the service on localhost as Twilio would: form-encoded UTF-8, signed over the public
 * URL the service is configured with ({@code APP_URL}), which is not the address the request goes to,
 * as behind a proxy.
 */
public final class WebhookClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String localBaseUrl;
    private final String publicBaseUrl;
    private final String authToken;

    public WebhookClient(int localPort, String publicBaseUrl, String authToken) {
        this.localBaseUrl = "http://localhost:" + localPort;
        this.publicBaseUrl = publicBaseUrl;
        this.authToken = authToken;
    }

    /** Signed like Twilio signs it. */
    public HttpResponse<String> post(String pathAndQuery, Map<String, String> params) {
        return send(
                pathAndQuery,
                encode(params),
                Map.of("X-Twilio-Signature", TwilioSignature.sign(authToken, publicBaseUrl + pathAndQuery, params)));
    }

    /** With the headers given and nothing else: no signature unless one of them is. */
    public HttpResponse<String> postRaw(String pathAndQuery, String body, Map<String, String> headers) {
        return send(pathAndQuery, body, headers);
    }

    public static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    public static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(String pathAndQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(localBaseUrl + pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::setHeader);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
