package com.callbackcloser.api.auth;

import com.callbackcloser.api.config.AuthConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies the identity provider's JWTs with nimbus-jose-jwt: RS256 or ES256 only (so {@code alg: none} and HMAC
 * tokens, including one "signed" with the public key, are refused), keys from the provider's JWKS (cached, and
 * fetched again when a token names a key we have not seen, at most once per refresh interval), the issuer,
 * the audience when configured, and expiry and not-before with a small clock skew. Returns the subject.
 */
public final class JwtVerifier {
    private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public JwtVerifier(AuthConfiguration config) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(
                            URI.create(config.getJwksUrl()).toURL())
                    .cache(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                    .rateLimited(config.getJwksRefreshInterval().toMilliseconds())
                    .retrying(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("AUTH_JWT_JWKS_URL is not a URL: " + config.getJwksUrl(), e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALLOWED, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                config.getAudience().isBlank() ? null : Set.of(config.getAudience()),
                new JWTClaimsSet.Builder().issuer(config.getJwtIssuer()).build(),
                Set.of("sub", "exp"),
                null);
        claims.setMaxClockSkew((int) config.getClockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The subject of a valid token; empty, with the reason logged by the caller, otherwise. */
    public Result verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            return new Result(Optional.ofNullable(claims.getSubject()), null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return new Result(Optional.empty(), e.getMessage());
        }
    }

    /**
     * What a token said, or why it was refused.
     *
     * @param refusal why the token was refused, when it was
     */
    public record Result(Optional<String> subject, String refusal) {}
}
