package com.callbackcloser.api.twilio;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.config.RateLimitConfiguration;
import com.callbackcloser.api.config.TwilioConfiguration;
import com.callbackcloser.api.http.BoundedBody;
import com.callbackcloser.api.ratelimit.SharedRateLimiter;
import com.twilio.security.RequestValidator;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
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
    private final List<RequestValidator> signatures;
    private final List<byte[]> acceptedTokens;
    private final long maxBodyBytes;
    private final AtomicBoolean warnedOpen = new AtomicBoolean();

    private final SharedRateLimiter limiter;
    private final RateLimitConfiguration rateLimits;

    /** The client's address (after the connector's forwarded-header handling, behind a proxy). */
    @Context
    private HttpServletRequest servletRequest;

    public TwilioWebhookAuthenticator(CallbackCloserConfiguration config, SharedRateLimiter limiter) {
        this.limiter = limiter;
        this.rateLimits = config.getRateLimits();
        TwilioConfiguration twilio = config.getTwilio();
        this.appUrl = config.getAppUrl();
        this.production = config.isProduction();
        this.signatures = twilio.isValidateSignature()
                ? twilio.signatureTokens().stream().map(RequestValidator::new).toList()
                : List.of();
        this.acceptedTokens = production
                ? List.of()
                : twilio.acceptedWebhookTokens().stream()
                        .map(t -> t.getBytes(StandardCharsets.UTF_8))
                        .toList();
        this.maxBodyBytes = config.getWebhooks().getMaxBodySize().toBytes();
        this.signaturesRequired = twilio.isValidateSignature();
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Optional<byte[]> bounded = BoundedBody.read(request.getEntityStream(), maxBodyBytes);
        if (bounded.isEmpty()) {
            abort(
                    request,
                    Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "request body is larger than " + maxBodyBytes + " bytes");
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
            LOG.warn(
                    "event=twilio.webhook-auth decision=rejected path={} reason=\"{}\"",
                    request.getUriInfo().getPath(),
                    refusal.get());
            Optional<Response> throttled =
                    limiter.hit("twilio-unauthorized:" + clientAddress(), rateLimits.getTwilioUnauthorized());
            request.abortWith(throttled.orElseGet(() ->
                    error(Response.Status.UNAUTHORIZED, "Twilio webhook authentication failed: " + refusal.get())));
            return;
        }
        String account = params.getOrDefault("AccountSid", "");
        limiter.hit("twilio:" + (account.isBlank() ? clientAddress() : account), rateLimits.getTwilioAuthorized())
                .ifPresent(request::abortWith);
    }

    private String clientAddress() {
        return servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
    }

    /** Why the request may not come in, or empty when it may. */
    private Optional<String> refusal(ContainerRequestContext request, Map<String, String> params) {
        String signatureProblem = null;
        if (signaturesRequired) {
            String signature = request.getHeaderString(SIGNATURE_HEADER);
            if (signature != null && validSignature(publicUrl(request), params, signature)) {
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

    /** Against the current auth token, or the previous one while an auth-token rotation is under way. */
    private boolean validSignature(String url, Map<String, String> params, String signature) {
        for (RequestValidator validator : signatures) {
            if (validator.validate(url, params, signature)) {
                return true;
            }
        }
        return false;
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
                        Stream.of(fromQuery, bearer), TOKEN_HEADERS.stream().map(request::getHeaderString))
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
        request.abortWith(error(status, message));
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status.getStatusCode(), message))
                .build();
    }
}
