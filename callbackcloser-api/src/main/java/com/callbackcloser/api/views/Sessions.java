package com.callbackcloser.api.views;

import com.callbackcloser.api.config.DashboardConfiguration;
import com.callbackcloser.db.DashboardSessionStore;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Server-side sessions behind an {@code HttpOnly}, {@code SameSite=Lax} cookie ({@code Secure}, with the
 * {@code __Host-} prefix, whenever the public URL is https). The cookie holds a random token; the database holds
 * its hash, the subject and the times, so signing out (or an operator deleting the row) ends the session at once.
 */
public final class Sessions {
    /** The idle timeout moves on at most this often: one write a minute per busy session, not one per request. */
    private static final Duration TOUCH_RESOLUTION = Duration.ofMinutes(1);
    /** Ended sessions and abandoned sign-ins are deleted a day after they end. */
    private static final Duration KEEP_ENDED = Duration.ofDays(1);

    private final DashboardSessionStore store;
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final boolean secure;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    public Sessions(DashboardSessionStore store, DashboardConfiguration config, boolean secure, Clock clock) {
        this.store = store;
        this.idleTimeout = config.getSessionIdleTimeout().toJavaDuration();
        this.maxAge = config.getSessionMaxAge().toJavaDuration();
        this.secure = secure;
        this.clock = clock;
    }

    /** The cookie's name: {@code __Host-} makes the browser insist on Secure, path / and no domain. */
    public String cookieName() {
        return secure ? "__Host-cc_session" : "cc_session";
    }

    boolean secureCookies() {
        return secure;
    }

    /** A new session for the subject, and the cookie that carries it. */
    public NewCookie start(String subject, DashboardUser.SignInMethod method) {
        Instant now = clock.instant();
        String token = SessionTokens.newToken();
        store.create(SessionTokens.hash(token), subject, method.name(), now, now.plus(maxAge));
        purgeNowAndThen(now);
        return cookie(token, maxAge);
    }

    /** The signed-in user of a request's cookies, if the session is still going; its idle timeout moves on. */
    public Optional<DashboardUser> find(Map<String, Cookie> cookies) {
        return find(cookies, true);
    }

    /** As {@link #find(Map)}; with {@code activity} false (a page refreshing itself) the idle timeout stays. */
    public Optional<DashboardUser> find(Map<String, Cookie> cookies, boolean activity) {
        return token(cookies).flatMap(token -> {
            Instant now = clock.instant();
            return store.findActive(SessionTokens.hash(token), now, idleTimeout).map(session -> {
                // Seen within the minute: the idle timeout is as good as current, and the request saves a write.
                if (activity && session.lastSeenAt().isBefore(now.minus(TOUCH_RESOLUTION))) {
                    store.touch(session.id(), now, TOUCH_RESOLUTION);
                }
                return new DashboardUser(
                        session.subject(),
                        session.id(),
                        SessionTokens.csrfToken(token),
                        DashboardUser.SignInMethod.valueOf(session.signIn()));
            });
        });
    }

    /** Ends the session of these cookies (signing out); the returned cookie clears the browser's copy. */
    public NewCookie end(Map<String, Cookie> cookies) {
        token(cookies).ifPresent(token -> store.revoke(SessionTokens.hash(token), clock.instant()));
        return cookie("", Duration.ZERO);
    }

    private Optional<String> token(Map<String, Cookie> cookies) {
        Cookie cookie = cookies.get(cookieName());
        return cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()
                ? Optional.empty()
                : Optional.of(cookie.getValue());
    }

    private NewCookie cookie(String value, Duration lifetime) {
        return new NewCookie.Builder(cookieName())
                .value(value)
                .path("/")
                .maxAge((int) lifetime.toSeconds())
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    private void purgeNowAndThen(Instant now) {
        Instant last = lastPurge.get();
        if (last.isBefore(now.minus(Duration.ofHours(1))) && lastPurge.compareAndSet(last, now)) {
            store.purge(now.minus(KEEP_ENDED));
        }
    }
}
