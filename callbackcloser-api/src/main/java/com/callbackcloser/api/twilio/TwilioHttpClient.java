package com.callbackcloser.api.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * twilio-java's HTTP client with two changes. It makes exactly one attempt per call: the SDK otherwise
 * retries 5xx answers itself (three times, 100 ms apart) and Apache HttpClient retries 429 and 503 once, even
 * for a POST; either can send a text twice, and both hide attempts from our outbox, which retries with
 * backoff and records each one. And it can send every request to another base URL (a local fake in tests and
 * benchmarks) instead of https://*.twilio.com.
 */
final class TwilioHttpClient extends NetworkHttpClient {
    /** Sends in flight at once share these connections (the outbox runs up to its concurrency in parallel). */
    private static final int MAX_CONNECTIONS = 256;

    private final URI baseUrl;

    TwilioHttpClient(String baseUrl, Duration timeout) {
        super(singleAttemptClient(timeout));
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : URI.create(baseUrl.replaceAll("/+$", ""));
    }

    private static HttpClientBuilder singleAttemptClient(Duration timeout) {
        // twilio-java's own defaults wait up to 10 s for a pooled connection and 30.5 s to connect, whatever our
        // timeout. Every wait is bounded by ours instead, so a send ends (TwilioClients.longestCall) before its
        // lease runs out and another worker looks it up.
        Timeout each = Timeout.ofMilliseconds(timeout.toMillis());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultSocketConfig(SocketConfig.custom()
                        .setSoTimeout(each)
                        .setSoKeepAlive(true)
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(each)
                        .setSocketTimeout(each)
                        .build())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build();
        RequestConfig requests = RequestConfig.custom()
                .setConnectionRequestTimeout(each)
                .setResponseTimeout(each)
                .setConnectionKeepAlive(HttpClient.DEFAULT_REQUEST_CONFIG.getConnectionKeepAlive())
                .build();
        return HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requests)
                .disableAutomaticRetries();
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

    private static void copy(Map<String, List<String>> params, BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
