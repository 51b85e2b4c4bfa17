package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.ApiKey;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.IssuedApiKey;
import com.callbackcloser.core.model.Strings;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys: a user's credential for integrations. The secret is 190 random bits, shown once and stored only
 * as its SHA-256 (a slow password hash buys nothing for a secret that cannot be guessed); a key acts as the
 * user who created it, with that user's roles, until revoked.
 */
public final class ApiKeyService {
    public static final String PREFIX = "cck_";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SECRET_CHARACTERS = 32;
    private static final int SHOWN_PREFIX_LENGTH = PREFIX.length() + 6;
    private static final int MAX_NAME_LENGTH = 80;

    private final TransactionRunner transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyService(TransactionRunner transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public static boolean looksLikeApiKey(String credential) {
        return credential != null && credential.startsWith(PREFIX);
    }

    public IssuedApiKey issue(Actor actor, String name) {
        String label = name == null || name.isBlank() ? "API key" : name.strip();
        if (label.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("name", "name has at most " + MAX_NAME_LENGTH + " characters");
        }
        if (Strings.hasForbiddenCharacter(label)) {
            throw new InvalidInputException("name", "name has no control characters or noncharacters");
        }
        String secret = newSecret();
        Instant now = clock.instant();
        ApiKey key = transactions.inTransaction(repositories -> {
            ApiKey created = repositories
                    .apiKeys()
                    .insert(actor.subject(), label, secret.substring(0, SHOWN_PREFIX_LENGTH), hash(secret), now);
            repositories
                    .audit()
                    .record(
                            null,
                            actor.subject(),
                            "api_key.created",
                            created.id().toString(),
                            List.of(),
                            actor.correlationId(),
                            now);
            return created;
        });
        return new IssuedApiKey(key, secret);
    }

    public List<ApiKey> list(Actor actor) {
        return transactions.inTransaction(repositories -> repositories.apiKeys().listFor(actor.subject()));
    }

    public void revoke(Actor actor, UUID keyId) {
        Instant now = clock.instant();
        transactions.inTransaction(repositories -> {
            if (!repositories.apiKeys().revoke(keyId, actor.subject(), now)) {
                throw new ResourceNotFoundException("API key");
            }
            repositories
                    .audit()
                    .record(
                            null,
                            actor.subject(),
                            "api_key.revoked",
                            keyId.toString(),
                            List.of(),
                            actor.correlationId(),
                            now);
            return null;
        });
    }

    /** The subject a presented secret acts as, unless it is unknown or revoked. */
    public Optional<String> authenticate(String secret) {
        if (!looksLikeApiKey(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return transactions
                .inTransaction(repositories -> repositories.apiKeys().useActive(hash(secret), now))
                .map(ApiKey::subject);
    }

    private String newSecret() {
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < SECRET_CHARACTERS; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
