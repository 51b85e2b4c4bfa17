package com.callbackcloser.api.twilio;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.config.RateLimitConfiguration;
import com.callbackcloser.api.config.TwilioConfiguration;
import com.callbackcloser.api.http.BoundedBody;
import com.callbackcloser.api.metrics.Decisions;
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
 *
 * <p>Only requests refused here are rate limited (per client address). An authenticated request is never answered
 * 429: Twilio does not support rate limiting on webhooks (its error 11217) and does not retry a 429, so a budget on
 * authenticated traffic turns a replayed request, or plain growth, into lost calls for every business. Replays of a
 * request already answered are taken care of by {@link DuplicateWebhooks}, after this filter.
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
    /** Index of the first previous (rotated-out) auth token in {@code signatures}. */
    private final int firstPreviousSignature;

    private final List<byte[]> acceptedTokens;
    /** Index of the first previous shared token in {@code acceptedTokens}. */
    private final int firstPreviousToken;

    private final long maxBodyBytes;
    private final AtomicBoolean warnedOpen = new AtomicBoolean();

    private final SharedRateLimiter limiter;
    private final RateLimitConfiguration rateLimits;
    private final Decisions decisions;

    /** The client's address (after the connector's forwarded-header handling, behind a proxy). */
    @Context
    private HttpServletRequest servletRequest;

    public TwilioWebhookAuthenticator(
            CallbackCloserConfiguration config, SharedRateLimiter limiter, Decisions decisions) {
        this.limiter = limiter;
        this.decisions = decisions;
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
        this.firstPreviousSignature = twilio.getAuthToken().isBlank() ? 0 : 1;
        this.firstPreviousToken = twilio.getWebhookAuthToken().isBlank() ? 0 : 1;
        this.maxBodyBytes = config.getWebhooks().getMaxBodySize().toBytes();
        this.signaturesRequired = twilio.isValidateSignature();
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        // Jersey matches a request without Content-Type to any @Consumes; the body is read as a form only when
        // it says it is one.
        if (request.getMediaType() == null) {
            abort(
                    request,
                    Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be " + MediaType.APPLICATION_FORM_URLENCODED);
            return;
        }
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
        Optional<String> unstorable = TwilioForm.unstorable(params);
        if (unstorable.isPresent()) {
            abort(request, Response.Status.BAD_REQUEST, unstorable.get());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        request.setProperty(TwilioForm.PROPERTY, new TwilioForm(params));

        Verdict verdict = verdict(request, params);
        if (verdict.refusal().isPresent()) {
            String refusal = verdict.refusal().get();
            LOG.warn(
                    "event=twilio.webhook-auth decision=rejected path={} reason=\"{}\"",
                    request.getUriInfo().getPath(),
                    refusal);
            Optional<Response> throttled =
                    limiter.hit("twilio-unauthorized:" + clientAddress(), rateLimits.getTwilioUnauthorized());
            request.abortWith(throttled.orElseGet(
                    () -> error(Response.Status.UNAUTHORIZED, "Twilio webhook authentication failed: " + refusal)));
            return;
        }
        verdict.token().ifPresent(token -> request.setProperty(WebhookUrls.AUTHENTICATED_TOKEN, token));
        if (verdict.previousCredential()) {
            // The signal that a rotation is still in use: drop the old credential once these stop.
            LOG.info(
                    "event=twilio.webhook-auth decision=allowed_previous_credential path={}",
                    request.getUriInfo().getPath());
            decisions.count("twilio.webhook-auth", "previous_credential");
        }
    }

    private String clientAddress() {
        return servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
    }

    /**
     * Whether the request may come in (and with a rotated-out credential, and which shared token if it came in on
     * one), or why not.
     */
    private record Verdict(Optional<String> refusal, boolean previousCredential, Optional<String> token) {
        static Verdict allowed(boolean previousCredential) {
            return new Verdict(Optional.empty(), previousCredential, Optional.empty());
        }

        static Verdict allowedWithToken(String token, boolean previousCredential) {
            return new Verdict(Optional.empty(), previousCredential, Optional.of(token));
        }

        static Verdict refused(String why) {
            return new Verdict(Optional.of(why), false, Optional.empty());
        }
    }

    private Verdict verdict(ContainerRequestContext request, Map<String, String> params) {
        String signatureProblem = null;
        if (signaturesRequired) {
            String signature = request.getHeaderString(SIGNATURE_HEADER);
            int matched = signature == null ? -1 : matchingSignature(publicUrl(request), params, signature);
            if (matched >= 0) {
                return Verdict.allowed(matched >= firstPreviousSignature);
            }
            signatureProblem = signature == null ? "missing X-Twilio-Signature" : "invalid X-Twilio-Signature";
        } else if (production) {
            signatureProblem = "signature validation is off in production";
        }
        if (production || (signatureProblem != null && acceptedTokens.isEmpty())) {
            return Verdict.refused(signatureProblem);
        }
        if (acceptedTokens.isEmpty()) {
            if (warnedOpen.compareAndSet(false, true)) {
                LOG.warn("event=twilio.webhook-auth decision=allowed_unauthenticated reason=\"no webhook token or "
                        + "signature validation configured; development only\"");
            }
            return Verdict.allowed(false);
        }
        Optional<String> presented = presentedToken(request);
        int matched = presented.map(this::matchingToken).orElse(-1);
        if (matched >= 0) {
            return Verdict.allowedWithToken(presented.get(), matched >= firstPreviousToken);
        }
        String tokenProblem = presented.isEmpty() ? "missing webhook token" : "wrong webhook token";
        return Verdict.refused(signatureProblem == null ? tokenProblem : signatureProblem + " and " + tokenProblem);
    }

    /**
     * Which auth token signed the request (the current one, or the previous one while an auth-token rotation is
     * under way), or -1.
     */
    private int matchingSignature(String url, Map<String, String> params, String signature) {
        for (int i = 0; i < signatures.size(); i++) {
            if (signatures.get(i).validate(url, params, signature)) {
                return i;
            }
        }
        return -1;
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

    /** Which accepted token it is, or -1; compares against every one in constant time. */
    private int matchingToken(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        int matched = -1;
        for (int i = 0; i < acceptedTokens.size(); i++) {
            if (MessageDigest.isEqual(acceptedTokens.get(i), candidate) && matched < 0) {
                matched = i;
            }
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
