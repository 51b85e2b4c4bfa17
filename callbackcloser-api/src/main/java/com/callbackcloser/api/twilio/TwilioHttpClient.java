package com.callbackcloser.api.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * twilio-java's HTTP client with two changes. It makes one attempt per call: the SDK otherwise retries 5xx
 * answers itself, three times 100 ms apart, which for a message create can send a text twice and hides the
 * attempts from our outbox, which retries with backoff and records each one. And it can send every request
 * to another base URL (a local fake in tests and benchmarks) instead of https://*.twilio.com.
 */
final class TwilioHttpClient extends NetworkHttpClient {
    private final URI baseUrl;

    TwilioHttpClient(String baseUrl, java.time.Duration timeout) {
        super(RequestConfig.DEFAULT, SocketConfig.custom()
                .setSoTimeout(Timeout.ofMilliseconds(timeout.toMillis()))
                .setSoKeepAlive(true)
                .build());
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : URI.create(baseUrl.replaceAll("/+$", ""));
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(baseUrl == null ? request : onBaseUrl(request));
    }

    /** The same request on the base URL; region and edge are left out, as they only rewrite twilio.com hosts. */
    private Request onBaseUrl(Request original) {
        URI target = URI.create(original.getUrl());
        Request rewritten = new Request(original.getMethod(), baseUrl + target.getRawPath());
        if (original.getAuthStrategy() != null) {
            rewritten.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            rewritten.setAuth(original.getUsername(), original.getPassword());
        }
        copy(original.getQueryParams(), rewritten::addQueryParam);
        copy(original.getPostParams(), rewritten::addPostParam);
        copy(original.getHeaderParams(), rewritten::addHeaderParam);
        rewritten.setContentType(original.getContentType());
        rewritten.setBody(original.getBody());
        rewritten.setUserAgentExtensions(original.getUserAgentExtensions());
        return rewritten;
    }

    private static void copy(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
