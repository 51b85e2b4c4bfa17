package com.callbackcloser.db;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The dashboard's sessions and its OpenID Connect sign-ins under way, as PostgreSQL rows (tables of changelog
 * 0024). Only hashes of the secrets the browser holds (the session token, the sign-in state) are stored. Every
 * rule is one statement: a session is looked up together with its timeouts, a sign-in is taken by deleting it,
 * so two callbacks with one state cannot both succeed.
 */
public final class DashboardSessionStore {
    private final Jdbi jdbi;

    public DashboardSessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A session as stored: who, how they signed in, and its times. */
    public record StoredSession(
            UUID id, String subject, String signIn, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {}

    /** What an OpenID Connect callback needs to find again. */
    public record PendingSignIn(String nonce, String codeVerifier, String returnTo) {}

    public UUID create(byte[] tokenHash, String subject, String signIn, Instant now, Instant expiresAt) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        INSERT INTO dashboard_sessions (token_hash, subject, sign_in, created_at, last_seen_at, expires_at)
                        VALUES (:tokenHash, :subject, :signIn, :now, :now, :expiresAt)
                        RETURNING id
                        """)
                .bind("tokenHash", tokenHash)
                .bind("subject", subject)
                .bind("signIn", signIn)
                .bind("now", now)
                .bind("expiresAt", expiresAt)
                .mapTo(UUID.class)
                .one());
    }

    /** The session of this token, unless it was revoked, has expired, or has been idle longer than {@code idle}. */
    public Optional<StoredSession> findActive(byte[] tokenHash, Instant now, Duration idle) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, subject, sign_in, created_at, last_seen_at, expires_at FROM dashboard_sessions
                         WHERE token_hash = :tokenHash AND revoked_at IS NULL
                           AND expires_at > :now AND last_seen_at > :idleSince
                        """)
                .bind("tokenHash", tokenHash)
                .bind("now", now)
                .bind("idleSince", now.minus(idle))
                .map((rs, ctx) -> new StoredSession(
                        rs.getObject("id", UUID.class),
                        rs.getString("subject"),
                        rs.getString("sign_in"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_seen_at", OffsetDateTime.class)),
                        instant(rs.getObject("expires_at", OffsetDateTime.class))))
                .findOne());
    }

    /** Moves the idle timeout on; at most one write per {@code resolution}, not one per request. */
    public void touch(UUID id, Instant now, Duration resolution) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE dashboard_sessions SET last_seen_at = :now
                         WHERE id = :id AND last_seen_at < :staleBefore AND revoked_at IS NULL
                        """)
                .bind("id", id)
                .bind("now", now)
                .bind("staleBefore", now.minus(resolution))
                .execute());
    }

    /** Ends the session of this token; true when there was one still going. */
    public boolean revoke(byte[] tokenHash, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "UPDATE dashboard_sessions SET revoked_at = :now WHERE token_hash = :tokenHash"
                                        + " AND revoked_at IS NULL")
                        .bind("tokenHash", tokenHash)
                        .bind("now", now)
                        .execute())
                == 1;
    }

    public void startSignIn(
            byte[] stateHash, String nonce, String codeVerifier, String returnTo, Instant now, Instant expiresAt) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO dashboard_sign_ins (state_hash, nonce, code_verifier, return_to, created_at, expires_at)
                        VALUES (:stateHash, :nonce, :codeVerifier, :returnTo, :now, :expiresAt)
                        """)
                .bind("stateHash", stateHash)
                .bind("nonce", nonce)
                .bind("codeVerifier", codeVerifier)
                .bind("returnTo", returnTo)
                .bind("now", now)
                .bind("expiresAt", expiresAt)
                .execute());
    }

    /** The sign-in of this state, deleted as it is read: a state is good for one callback, and not after it expired. */
    public Optional<PendingSignIn> takeSignIn(byte[] stateHash, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        DELETE FROM dashboard_sign_ins WHERE state_hash = :stateHash
                        RETURNING nonce, code_verifier, return_to, expires_at > :now AS current
                        """)
                .bind("stateHash", stateHash)
                .bind("now", now)
                .map((rs, ctx) -> rs.getBoolean("current")
                        ? Optional.of(new PendingSignIn(
                                rs.getString("nonce"), rs.getString("code_verifier"), rs.getString("return_to")))
                        : Optional.<PendingSignIn>empty())
                .findOne()
                .flatMap(found -> found));
    }

    /** Deletes sessions and sign-ins that ended before {@code before}; returns how many rows went. */
    public int purge(Instant before) {
        return jdbi.withHandle(handle ->
                handle.createUpdate("DELETE FROM dashboard_sessions WHERE expires_at < :before OR revoked_at < :before")
                                .bind("before", before)
                                .execute()
                        + handle.createUpdate("DELETE FROM dashboard_sign_ins WHERE expires_at < :before")
                                .bind("before", before)
                                .execute());
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
