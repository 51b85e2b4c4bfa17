package com.callbackcloser.api.twilio;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.config.TwilioConfiguration;
import com.callbackcloser.api.http.BoundedBody;
import com.twilio.security.RequestValidator;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates requests to {@link TwilioWebhook} resources, after capping and parsing their body.
 *
 * <p>With signature validation on, a valid {@code X-Twilio-Signature} (HMAC-SHA1 with the account's auth
 * token over the public URL, i.e. {@code APP_URL} + path + query, and the sorted POST parameters) lets the
 * request in. In production nothing else does. Outside production a shared token (the {@code webhook_token}
 * query parameter or one of the token headers) may stand in, compared in constant time against the current
 * token and the previous ones still accepted during a rotation. With neither configured, development lets
 * requests in and warns once.
 */
@TwilioWebhook
@Priority(Priorities.AUTHENTICATION)
public final class TwilioWebhookAuthenticator implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger("twilio.webhook-auth");
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    private static final List<String> TOKEN_HEADERS =
            List.of("X-CallbackCloser-Webhook-Token", "X-Twilio-Webhook-Auth-Token", "X-Webhook-Token");

    private final String appUrl;
    private final boolean production;
    private final boolean signaturesRequired;
    private final RequestValidator signatures;
    private final List<byte[]> acceptedTokens;
    private final long maxBodyBytes;
    private final AtomicBoolean warnedOpen = new AtomicBoolean();

    public TwilioWebhookAuthenticator(CallbackCloserConfiguration config) {
        TwilioConfiguration twilio = config.getTwilio();
        this.appUrl = config.getAppUrl();
        this.production = config.isProduction();
        this.signatures = twilio.isValidateSignature() && !twilio.getAuthToken().isBlank()
                ? new RequestValidator(twilio.getAuthToken())
                : null;
        this.acceptedTokens = production
                ? List.of()
                : twilio.acceptedWebhookTokens().stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        this.maxBodyBytes = config.getWebhooks().getMaxBodySize().toBytes();
        this.signaturesRequired = twilio.isValidateSignature();
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Optional<byte[]> bounded = BoundedBody.read(request.getEntityStream(), maxBodyBytes);
        if (bounded.isEmpty()) {
            abort(request, Response.Status.REQUEST_ENTITY_TOO_LARGE, "request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        byte[] body = bounded.get();
        Map<String, String> params;
        try {
            params = TwilioForm.parse(body);
        } catch (IllegalArgumentException e) {
            abort(request, Response.Status.BAD_REQUEST, "malformed form body: " + e.getMessage());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        request.setProperty(TwilioForm.PROPERTY, new TwilioForm(params));

        Optional<String> refusal = refusal(request, params);
        if (refusal.isPresent()) {
            LOG.warn("event=twilio.webhook-auth decision=rejected path={} reason=\"{}\"",
                    request.getUriInfo().getPath(), refusal.get());
            abort(request, Response.Status.UNAUTHORIZED, "Twilio webhook authentication failed: " + refusal.get());
        }
    }

    /** Why the request may not come in, or empty when it may. */
    private Optional<String> refusal(ContainerRequestContext request, Map<String, String> params) {
        String signatureProblem = null;
        if (signaturesRequired) {
            String signature = request.getHeaderString(SIGNATURE_HEADER);
            if (signature != null && signatures != null && signatures.validate(publicUrl(request), params, signature)) {
                return Optional.empty();
            }
            signatureProblem = signature == null ? "missing X-Twilio-Signature" : "invalid X-Twilio-Signature";
        } else if (production) {
            signatureProblem = "signature validation is off in production";
        }
        if (production || (signatureProblem != null && acceptedTokens.isEmpty())) {
            return Optional.of(signatureProblem);
        }
        if (acceptedTokens.isEmpty()) {
            if (warnedOpen.compareAndSet(false, true)) {
                LOG.warn("event=twilio.webhook-auth decision=allowed_unauthenticated reason=\"no webhook token or "
                        + "signature validation configured; development only\"");
            }
            return Optional.empty();
        }
        Optional<String> presented = presentedToken(request);
        String tokenProblem = presented.isEmpty()
                ? "missing webhook token"
                : matchesAcceptedToken(presented.get()) ? null : "wrong webhook token";
        if (tokenProblem == null) {
            return Optional.empty();
        }
        return Optional.of(signatureProblem == null ? tokenProblem : signatureProblem + " and " + tokenProblem);
    }

    /** The URL Twilio signed: our public base URL, not whatever host a proxy forwarded to. */
    private String publicUrl(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String query = uri.getRawQuery();
        return appUrl + uri.getRawPath() + (query == null ? "" : "?" + query);
    }

    private static Optional<String> presentedToken(ContainerRequestContext request) {
        String fromQuery = request.getUriInfo().getQueryParameters().getFirst("webhook_token");
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : null;
        return Stream.concat(
                        Stream.of(fromQuery, bearer),
                        TOKEN_HEADERS.stream().map(request::getHeaderString))
                .filter(token -> token != null && !token.isBlank())
                .findFirst();
    }

    private boolean matchesAcceptedToken(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (byte[] accepted : acceptedTokens) {
            matched |= MessageDigest.isEqual(accepted, candidate);
        }
        return matched;
    }

    private static void abort(ContainerRequestContext request, Response.Status status, String message) {
        request.abortWith(Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status.getStatusCode(), message))
                .build());
    }
}
