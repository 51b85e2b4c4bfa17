package com.callbackcloser.api.webhooks;

import com.callbackcloser.core.port.out.WebhookRequest;
import com.callbackcloser.core.port.out.WebhookResponse;
import com.callbackcloser.core.port.out.WebhookSender;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One POST per call with the JDK's client. Redirects are not followed (a redirect could point inside our
 * network, past the address check), and a timeout covers connecting and the whole answer.
 */
public final class HttpWebhookSender implements WebhookSender {
    private static final String USER_AGENT = "CallbackCloser-Webhooks/1";
    /** Enough of an error answer to tell the owner what the receiver said. */
    private static final int ERROR_EXCERPT_BYTES = 300;

    private final HttpClient http;
    private final Duration timeout;

    public HttpWebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public WebhookResponse send(WebhookRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String excerpt = null;
            try (InputStream body = response.body()) {
                if (response.statusCode() >= 300) {
                    excerpt = new String(body.readNBytes(ERROR_EXCERPT_BYTES), StandardCharsets.UTF_8);
                }
            }
            return new WebhookResponse(
                    response.statusCode(), excerpt == null || excerpt.isBlank() ? null : excerpt, elapsedMillis(start));
        } catch (HttpTimeoutException e) {
            return new WebhookResponse(null, "timed out after " + timeout.toMillis() + " ms", elapsedMillis(start));
        } catch (IOException e) {
            return new WebhookResponse(
                    null, e.getClass().getSimpleName() + ": " + e.getMessage(), elapsedMillis(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookResponse(null, "interrupted (shutting down)", elapsedMillis(start));
        }
    }

    private static long elapsedMillis(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
