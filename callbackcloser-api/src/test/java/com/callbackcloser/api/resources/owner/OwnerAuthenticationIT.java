package com.callbackcloser.api.resources.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may call the owner API: the identity provider's JWTs, checked strictly, and API keys. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OwnerAuthenticationIT {
    private static final JwtIssuer IDP = new JwtIssuer();
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures(
            "auth.jwtIssuer",
            JwtIssuer.ISSUER,
            "auth.jwksUrl",
            IDP.jwksUrl(),
            "auth.audience",
            JwtIssuer.AUDIENCE,
            "auth.clockSkew",
            "30s",
            "auth.jwksRefreshInterval",
            "200ms");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    @AfterAll
    static void stopIdp() {
        IDP.close();
    }

    @Test
    void aValidRs256OrEs256TokenAuthenticatesItsSubject() {
        assertThat(api().get(IDP.token("user_rs"), "/api/businesses").status()).isEqualTo(200);
        assertThat(api().get(IDP.es256Token("user_es"), "/api/businesses").status())
                .isEqualTo(200);
    }

    @Test
    void noCredentialsOrAnUnknownSchemeIs401WithDropwizardErrorJson() {
        OwnerApiClient.Answer none = api().get(null, "/api/businesses");
        OwnerApiClient.Answer basic =
                api().send(null, "GET", "/api/businesses", null, Map.of("Authorization", "Basic dXNlcjpwYXNz"));

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("code").asInt()).isEqualTo(401);
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"callbackcloser\"");
        assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void expiredNotYetValidWrongIssuerAndWrongAudienceAreRefused() {
        Instant now = Instant.now();
        assertThat(status(IDP.token("u", c -> c.expirationTime(Date.from(now.minusSeconds(120))))))
                .as("expired")
                .isEqualTo(401);
        assertThat(status(IDP.token("u", c -> c.notBeforeTime(Date.from(now.plusSeconds(300))))))
                .as("nbf")
                .isEqualTo(401);
        assertThat(status(IDP.token("u", c -> c.issuer("https://evil.example"))))
                .as("issuer")
                .isEqualTo(401);
        assertThat(status(IDP.token("u", c -> c.audience("another-api"))))
                .as("audience")
                .isEqualTo(401);
        assertThat(status(IDP.token("u", c -> c.expirationTime(null))))
                .as("no exp")
                .isEqualTo(401);
    }

    @Test
    void aTokenMintedForAnotherApplicationOfTheSameIssuerIsRefused() {
        assertThat(status(IDP.token("u", c -> c.audience(List.of("another-app", "yet-another-app")))))
                .as("other audiences only")
                .isEqualTo(401);
        assertThat(status(IDP.token("u", c -> c.audience((String) null))))
                .as("no audience")
                .isEqualTo(401);
        assertThat(status(IDP.token("u", c -> c.audience(List.of("another-app", JwtIssuer.AUDIENCE)))))
                .as("this API among others")
                .isEqualTo(200);
    }

    @Test
    void aSmallClockSkewIsTolerated() {
        Instant now = Instant.now();
        assertThat(status(IDP.token("u", c -> c.expirationTime(Date.from(now.minusSeconds(10))))))
                .isEqualTo(200);
        assertThat(status(IDP.token("u", c -> c.notBeforeTime(Date.from(now.plusSeconds(10))))))
                .isEqualTo(200);
    }

    @Test
    void aBadSignatureIsRefused() {
        String token = IDP.token("user_tampered");
        String[] parts = token.split("\\.", -1);
        String otherPayload = IDP.token("user_admin").split("\\.", -1)[1];

        assertThat(status(parts[0] + "." + otherPayload + "." + parts[2])).isEqualTo(401);
        assertThat(status(IDP.tokenFromAStranger("user_x"))).isEqualTo(401);
    }

    @Test
    void unsignedTokensAndHmacSignedWithThePublicKeyAreRefused() throws Exception {
        PlainJWT none = new PlainJWT(
                new PlainHeader.Builder().type(JOSEObjectType.JWT).build(),
                JwtIssuer.validClaims("user_none").build());
        SignedJWT confused = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                JwtIssuer.validClaims("user_hmac").build());
        confused.sign(new MACSigner(IDP.publicKeyBytes()));

        assertThat(status(none.serialize())).as("alg none").isEqualTo(401);
        assertThat(status(confused.serialize())).as("HS256 with the public key").isEqualTo(401);
    }

    @Test
    void aTokenSignedWithANewlyRotatedKeyIsAcceptedAfterTheJwksIsFetchedAgain() throws Exception {
        assertThat(status(IDP.token("user_before_rotation"))).isEqualTo(200);
        int fetches = IDP.jwksFetches();
        IDP.rotate();
        Thread.sleep(300);

        assertThat(status(IDP.token("user_after_rotation"))).isEqualTo(200);
        assertThat(IDP.jwksFetches()).isGreaterThan(fetches);
    }

    @Test
    void anApiKeyIsShownOnceWorksUntilRevokedAndIsListedWithoutItsSecret() {
        String jwt = IDP.token("user_with_keys");
        OwnerApiClient.Answer created = api().post(jwt, "/api/api-keys", Map.of("name", "Zapier"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("secret");
        assertThat(secret).startsWith("cck_").hasSize(36);
        assertThat(created.text("prefix")).isEqualTo(secret.substring(0, 10));

        OwnerApiClient.Answer asKey = api().post(
                        secret,
                        "/api/businesses",
                        Map.of("name", "Keyed Plumbing", "forwardingNumber", "+14155550150"));
        assertThat(asKey.status()).isEqualTo(201);
        assertThat(asKey.text("role")).isEqualTo("OWNER");
        assertThat(api().get(jwt, "/api/businesses").json().findValuesAsText("name"))
                .contains("Keyed Plumbing");

        OwnerApiClient.Answer listed = api().get(jwt, "/api/api-keys");
        assertThat(listed.json().get(0).get("name").asText()).isEqualTo("Zapier");
        assertThat(listed.json().get(0).has("secret")).isFalse();
        assertThat(listed.json().get(0).get("lastUsedAt").isNull()).isFalse();
        String storedHash = SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT secret_hash FROM api_keys WHERE prefix = :p")
                        .bind("p", created.text("prefix"))
                        .mapTo(String.class)
                        .one());
        assertThat(storedHash).isNotEqualTo(secret).hasSize(64);

        assertThat(api().delete(IDP.token("someone_else"), "/api/api-keys/" + created.text("id"))
                        .status())
                .isEqualTo(404);
        assertThat(api().delete(jwt, "/api/api-keys/" + created.text("id")).status())
                .isEqualTo(204);
        assertThat(api().get(secret, "/api/businesses").status()).isEqualTo(401);
        assertThat(api().get(jwt, "/api/api-keys")
                        .json()
                        .get(0)
                        .get("revokedAt")
                        .isNull())
                .isFalse();
    }

    @Test
    void aMadeUpApiKeyIsRefused() {
        assertThat(status("cck_notarealkeynotarealkeynotareal12")).isEqualTo(401);
    }

    private int status(String token) {
        return api().get(token, "/api/businesses").status();
    }

    private OwnerApiClient api() {
        return SERVICE.owner();
    }
}
