package com.callbackcloser.api.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** An OIDC identity provider for tests: signs JWTs and serves its JWKS on loopback, like Clerk or Auth0 would. */
public final class JwtIssuer implements AutoCloseable {
    public static final String ISSUER = "https://idp.example.test";
    public static final String AUDIENCE = "callbackcloser-api";
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private final WireMockServer server;
    private final List<JWK> published = new ArrayList<>();
    private RSAKey rsa;
    private final ECKey ec;

    public JwtIssuer() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        published.add(rsa.toPublicJWK());
        published.add(ec.toPublicJWK());
        publish();
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.port() + JWKS_PATH;
    }

    /** A valid RS256 token for the subject. */
    public String token(String subject) {
        return token(subject, claims -> claims);
    }

    public String token(String subject, UnaryOperator<JWTClaimsSet.Builder> claims) {
        return sign(rsa, JWSAlgorithm.RS256, claims.apply(validClaims(subject)).build());
    }

    public String es256Token(String subject) {
        return sign(ec, JWSAlgorithm.ES256, validClaims(subject).build());
    }

    /** Signed with a key the provider never published. */
    public String tokenFromAStranger(String subject) {
        try {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            return sign(stranger, JWSAlgorithm.RS256, validClaims(subject).build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public RSA key, as the bytes an attacker would use as an HMAC secret (the classic key confusion). */
    public byte[] publicKeyBytes() {
        try {
            return rsa.toRSAPublicKey().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new signing key that the JWKS now lists too (old tokens stay valid). */
    public void rotate() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("rsa-" + UUID.randomUUID()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        published.add(rsa.toPublicJWK());
        publish();
    }

    public int jwksFetches() {
        return server.countRequestsMatching(
                        getRequestedFor(urlPathEqualTo(JWKS_PATH)).build())
                .getCount();
    }

    public static JWTClaimsSet.Builder validClaims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    @Override
    public void close() {
        server.stop();
    }

    private void publish() {
        server.stubFor(get(urlPathEqualTo(JWKS_PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(new JWKSet(published).toString())));
    }

    private static String sign(JWK key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(key instanceof RSAKey rsaKey ? new RSASSASigner(rsaKey) : new ECDSASigner((ECKey) key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
