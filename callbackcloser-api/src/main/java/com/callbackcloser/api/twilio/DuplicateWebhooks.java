package com.callbackcloser.api.twilio;

import com.callbackcloser.api.metrics.Decisions;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an authenticated webhook that was already answered (the same path, query and parameters: a Twilio retry
 * of a request whose answer it lost, or a replay, since signatures carry no timestamp) from memory, without reading
 * or writing the database and before anything is counted. The answer is the one the idempotent path would give:
 * the same document (the {@code <Dial>} again, the STOP confirmation again, an empty {@code <Response/>}), with the
 * decision {@code duplicate}.
 *
 * <p>Runs after {@link TwilioWebhookAuthenticator}, so an unauthenticated request is never answered from here (it
 * would learn which SIDs we have seen). Only complete answers are remembered: an {@code error}, a 503, or a call
 * forwarded without being recorded is left for its retry to do properly. A request with the same SID but other
 * fields (the recording callback after the Dial's result) is not a duplicate. Memory is per instance and bounded;
 * whatever it has forgotten the database's unique keys still make harmless.
 */
@TwilioWebhook
@Priority(Priorities.AUTHORIZATION)
public final class DuplicateWebhooks implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger("twilio.webhook-dedupe");
    static final String DECISION_HEADER = "X-CallbackCloser-Decision";
    static final String DUPLICATE = "duplicate";
    /** Decisions that did not finish the work: their retry must do it, not be answered from here. */
    private static final Set<String> NOT_FINAL = Set.of("error", "forward_unrecorded");

    private static final String KEY = DuplicateWebhooks.class.getName() + ".key";

    private final Map<String, Answer> answers;
    private final Duration remembered;
    private final Clock clock;
    private final Decisions decisions;

    /** An answer as it was sent. */
    private record Answer(String body, MediaType type, Instant at) {}

    public DuplicateWebhooks(int capacity, Duration remembered, Clock clock, Decisions decisions) {
        this.remembered = remembered;
        this.clock = clock;
        this.decisions = decisions;
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getProperty(TwilioForm.PROPERTY) instanceof TwilioForm form)) {
            return;
        }
        String key = key(request, form);
        Answer answer = recall(key);
        if (answer == null) {
            request.setProperty(KEY, key);
            return;
        }
        LOG.info(
                "event=twilio.webhook-dedupe path={} decision=duplicate",
                request.getUriInfo().getPath());
        decisions.count("twilio.webhook-dedupe", DUPLICATE);
        request.abortWith(Response.ok(answer.body(), answer.type())
                .header(DECISION_HEADER, DUPLICATE)
                .build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(KEY) instanceof String key
                && response.getStatus() == 200
                && response.getEntity() instanceof String body
                && response.getMediaType() != null
                && !NOT_FINAL.contains(response.getHeaderString(DECISION_HEADER))) {
            synchronized (answers) {
                answers.put(key, new Answer(body, response.getMediaType(), clock.instant()));
            }
        }
    }

    private Answer recall(String key) {
        synchronized (answers) {
            Answer answer = answers.get(key);
            if (answer != null && answer.at().plus(remembered).isBefore(clock.instant())) {
                answers.remove(key);
                return null;
            }
            return answer;
        }
    }

    /** A digest of what identifies the request: path, query and every parameter (names and values, sorted). */
    private static String key(ContainerRequestContext request, TwilioForm form) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(digest, request.getUriInfo().getRequestUri().getRawPath());
        update(digest, String.valueOf(request.getUriInfo().getRequestUri().getRawQuery()));
        form.sorted().forEach((name, value) -> {
            update(digest, name);
            update(digest, value);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Each part length-prefixed, so that no two different requests give the same bytes. */
    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
