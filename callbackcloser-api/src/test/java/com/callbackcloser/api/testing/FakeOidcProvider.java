package com.callbackcloser.api.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * An OpenID Connect provider on 127.0.0.1, strict the way real ones are: a discovery document, a JWKS, an
 * authorization endpoint that "signs in" whoever is set as {@link #signsIn} and sends the browser back with a
 * code, and a token endpoint that hands out an RS256 ID token only for that code, once, to the right client with
 * the right secret and redirect URI, and only when the PKCE verifier hashes (S256) to the challenge it was given.
 * Tests can make the ID token lie (another nonce, another audience, a stranger's key) to see it refused.
 */
public final class FakeOidcProvider implements AutoCloseable {
    public static final String CLIENT_ID = "callbackcloser-dashboard";
    public static final String CLIENT_SECRET = "dashboard-secret-0123456789";

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> tokenRefusals = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> authorizationRequests = new CopyOnWriteArrayList<>();
    private volatile String subject = "user_2abc";
    private volatile UnaryOperator<JWTClaimsSet.Builder> idTokenTamper = claims -> claims;
    private volatile RSAKey signingKey;

    /** What an authorization request asked for: the token request must match it. */
    private record Grant(String redirectUri, String codeChallenge, String nonce) {}

    public FakeOidcProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("oidc-1").generate();
            signingKey = key;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", exchange -> respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Who the next sign-in at the provider is. */
    public void signsIn(String subject) {
        this.subject = subject;
    }

    /** Makes the ID tokens it issues from now on say something else (another nonce, audience, …). */
    public void tamperWithIdTokens(UnaryOperator<JWTClaimsSet.Builder> tamper) {
        this.idTokenTamper = tamper;
    }

    /** Signs ID tokens with a key the JWKS does not publish. */
    public void signWithAStrangersKey() {
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("oidc-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Map<String, String>> authorizationRequests() {
        return List.copyOf(authorizationRequests);
    }

    /** Why token requests were refused, in order. */
    public List<String> tokenRefusals() {
        return List.copyOf(tokenRefusals);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String issuer = issuer();
        respond(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"],
                 "scopes_supported":["openid","profile","email"]}
                """.formatted(issuer));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        authorizationRequests.add(query);
        if (!CLIENT_ID.equals(query.get("client_id"))
                || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null
                || query.get("nonce") == null
                || query.get("state") == null
                || !query.getOrDefault("scope", "").contains("openid")) {
            respond(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(query.get("redirect_uri"), query.get("code_challenge"), query.get("nonce")));
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expectedAuth = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            refuse(exchange, 401, "invalid_client", "client authentication");
            return;
        }
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (!"authorization_code".equals(form.get("grant_type")) || grant == null) {
            refuse(exchange, 400, "invalid_grant", "unknown or used code");
            return;
        }
        if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
            refuse(exchange, 400, "invalid_grant", "redirect_uri differs");
            return;
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || !s256(verifier).equals(grant.codeChallenge())) {
            refuse(exchange, 400, "invalid_grant", "PKCE verifier does not match the challenge");
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .audience(CLIENT_ID)
                .claim("nonce", grant.nonce())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        String idToken = sign(idTokenTamper.apply(claims).build());
        respond(exchange, 200, """
                {"access_token":"at-%s","token_type":"Bearer","expires_in":300,"id_token":"%s"}
                """.formatted(UUID.randomUUID(), idToken));
    }

    private void refuse(HttpExchange exchange, int status, String error, String why) throws IOException {
        tokenRefusals.add(why);
        respond(exchange, status, "{\"error\":\"" + error + "\",\"error_description\":\"" + why + "\"}");
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signingKey.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
