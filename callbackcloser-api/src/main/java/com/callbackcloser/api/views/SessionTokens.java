package com.callbackcloser.api.views;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets a browser holds: random tokens (256 bits, URL-safe), what is stored of them (their SHA-256), and a
 * session's CSRF token, derived from the session token so that neither can be worked out from the database.
 */
final class SessionTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SessionTokens() {}

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    static byte[] hash(String token) {
        return sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    /** The CSRF token of the session whose token this is; a hash under a label the stored hash never uses. */
    static String csrfToken(String sessionToken) {
        return ENCODER.encodeToString(sha256(("csrf:" + sessionToken).getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares in time independent of where they differ, so a guess learns nothing from the answer's timing. */
    static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
