package com.callbackcloser.api.webhooks;

import com.callbackcloser.core.port.out.WebhookRequest;
import com.callbackcloser.core.port.out.WebhookResponse;
import com.callbackcloser.core.port.out.WebhookSender;
import com.callbackcloser.core.service.EndpointUrlPolicy;
import com.callbackcloser.core.service.EndpointUrlPolicy.AddressNotAllowedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * One POST per call with Apache HttpClient. The connection goes to the addresses {@link EndpointUrlPolicy}
 * approved in its own lookup ({@link EndpointUrlPolicy#addressesToCall}), not to a second lookup the client
 * would make: a name cannot answer a public address to the check and an internal one to the connection. TLS is
 * still verified against the host name. Redirects are not followed (one could point inside our network), the
 * client retries nothing (the dispatcher decides), and a deadline covers connecting and the whole answer.
 */
public final class HttpWebhookSender implements WebhookSender {
    private static final String USER_AGENT = "CallbackCloser-Webhooks/1";
    /** Enough of an error answer to tell the owner what the receiver said. */
    private static final int ERROR_EXCERPT_BYTES = 300;
    /** Far above the workers' concurrency: sends never wait for a pooled connection. */
    private static final int MAX_CONNECTIONS = 256;

    /** One daemon thread that aborts requests at their deadline, for all senders. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final CloseableHttpClient http;
    private final Duration timeout;

    public HttpWebhookSender(Duration timeout, EndpointUrlPolicy urlPolicy) {
        this.timeout = timeout;
        Timeout limit = Timeout.of(timeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PolicyResolver(urlPolicy))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableDefaultUserAgent()
                .build();
    }

    @Override
    public WebhookResponse send(WebhookRequest request) {
        HttpPost post = new HttpPost(URI.create(request.url()));
        post.setHeader("User-Agent", USER_AGENT);
        request.headers().forEach(post::setHeader);
        post.setEntity(
                new StringEntity(request.body(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        long start = System.nanoTime();
        ScheduledFuture<?> deadline = DEADLINES.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        // Closing the answer without reading it all drops the connection: a large body is never downloaded.
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            int status = response.getCode();
            String excerpt = status >= 300 ? excerpt(response.getEntity()) : null;
            return new WebhookResponse(
                    status, excerpt == null || excerpt.isBlank() ? null : excerpt, elapsedMillis(start));
        } catch (AddressNotAllowedException e) {
            return new WebhookResponse(null, e.getMessage(), elapsedMillis(start));
        } catch (InterruptedIOException e) {
            return timedOut(start); // connect or read timeout
        } catch (IOException e) {
            if (post.isCancelled()) {
                return timedOut(start);
            }
            return new WebhookResponse(
                    null, e.getClass().getSimpleName() + ": " + e.getMessage(), elapsedMillis(start));
        } finally {
            deadline.cancel(false);
        }
    }

    private WebhookResponse timedOut(long start) {
        return new WebhookResponse(null, "timed out after " + timeout.toMillis() + " ms", elapsedMillis(start));
    }

    private static String excerpt(HttpEntity entity) throws IOException {
        if (entity == null) {
            return null;
        }
        try (InputStream body = entity.getContent()) {
            return new String(body.readNBytes(ERROR_EXCERPT_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static long elapsedMillis(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    /** The client's only way to turn a host name into addresses: the URL policy's. */
    private static final class PolicyResolver implements DnsResolver {
        private final EndpointUrlPolicy policy;

        PolicyResolver(EndpointUrlPolicy policy) {
            this.policy = policy;
        }

        @Override
        public InetAddress[] resolve(String host) throws AddressNotAllowedException {
            return policy.addressesToCall(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // only used for Kerberos/SPNEGO, which webhooks never use
        }
    }
}
