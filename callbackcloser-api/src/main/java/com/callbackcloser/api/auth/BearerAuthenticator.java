package com.callbackcloser.api.auth;

import com.callbackcloser.core.service.ApiKeyService;
import io.dropwizard.auth.Authenticator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Authorization: Bearer …} is either an API key ({@code cck_…}) or the identity provider's JWT. Anything
 * else, or a JWT when no provider is configured, is refused (401), with the reason in the log, never the
 * credential.
 */
public final class BearerAuthenticator implements Authenticator<String, AuthenticatedUser> {
    private static final Logger LOG = LoggerFactory.getLogger("owner.auth");

    private final ApiKeyService apiKeys;
    private final JwtVerifier jwts;

    /** @param jwts null when no identity provider is configured: API keys only */
    public BearerAuthenticator(ApiKeyService apiKeys, JwtVerifier jwts) {
        this.apiKeys = apiKeys;
        this.jwts = jwts;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String credentials) {
        if (ApiKeyService.looksLikeApiKey(credentials)) {
            Optional<AuthenticatedUser> user = apiKeys.authenticate(credentials)
                    .map(subject -> new AuthenticatedUser(subject, AuthenticatedUser.Method.API_KEY));
            if (user.isEmpty()) {
                LOG.info("event=owner.auth decision=rejected reason=\"unknown or revoked API key\"");
            }
            return user;
        }
        if (jwts == null) {
            LOG.info("event=owner.auth decision=rejected reason=\"no identity provider configured (AUTH_JWT_ISSUER)\"");
            return Optional.empty();
        }
        JwtVerifier.Result result = jwts.verify(credentials);
        if (result.subject().isEmpty()) {
            LOG.info("event=owner.auth decision=rejected reason=\"{}\"", result.refusal());
        }
        return result.subject().map(subject -> new AuthenticatedUser(subject, AuthenticatedUser.Method.JWT));
    }
}
