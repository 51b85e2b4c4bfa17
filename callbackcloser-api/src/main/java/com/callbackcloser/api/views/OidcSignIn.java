package com.callbackcloser.api.views;

import com.callbackcloser.api.config.DashboardConfiguration;
import com.callbackcloser.db.DashboardSessionStore;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenID Connect sign-in, authorization code flow with PKCE (S256), against the issuer of the owner API's JWTs
 * ({@code AUTH_JWT_ISSUER}), with nimbus' OAuth 2.0 SDK. The provider's endpoints and keys come from its discovery
 * document (fetched at the first sign-in and kept).
 *
 * <p>A sign-in under way is a database row keyed by the hash of its {@code state}, holding the nonce, the PKCE
 * verifier and where to return; the browser holds the state in a short-lived cookie as well. The callback is
 * accepted only when the state it carries is the cookie's (it was started in this browser), its row is there
 * (taken, so it works once) and not expired, the provider hands over tokens for the code and the verifier, and
 * the ID token is signed by the provider's key, issued by the issuer, for our client, not expired, and carries
 * the nonce. The user is the token's {@code sub}.
 */
public final class OidcSignIn {
    static final String CALLBACK_PATH = "/auth/callback";
    private static final Logger LOG = LoggerFactory.getLogger("dashboard.sign-in");
    private static final Set<JWSAlgorithm> ALLOWED = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384);
    private static final int MAX_CLOCK_SKEW_SECONDS = 60;

    private final Issuer issuer;
    private final ClientID clientId;
    private final Secret clientSecret;
    private final Scope scope;
    private final boolean secretInForm;
    private final URI redirectUri;
    private final DashboardSessionStore store;
    private final Duration signInTimeout;
    private final int timeoutMillis;
    private final Clock clock;
    private volatile Provider provider;

    public OidcSignIn(
            String issuer, DashboardConfiguration config, String appUrl, DashboardSessionStore store, Clock clock) {
        this.issuer = new Issuer(issuer);
        this.clientId = new ClientID(config.getOidcClientId());
        this.clientSecret = new Secret(config.getOidcClientSecret());
        Scope scopes = Scope.parse(config.getOidcScopes());
        if (!scopes.contains("openid")) {
            scopes.add("openid");
        }
        this.scope = scopes;
        this.secretInForm = "client_secret_post".equals(config.getOidcTokenAuthMethod());
        this.redirectUri = URI.create(appUrl + CALLBACK_PATH);
        this.store = store;
        this.signInTimeout = config.getSignInTimeout().toJavaDuration();
        this.timeoutMillis = (int) config.getProviderTimeout().toMilliseconds();
        this.clock = clock;
    }

    /** Where the provider sends the browser back: register exactly this at the provider. */
    public URI redirectUri() {
        return redirectUri;
    }

    /** A sign-in on its way: the provider's page to send the browser to, and the state for its cookie. */
    public record Started(URI authorizationUrl, String state) {}

    /** Who signed in, and where they were going. */
    public record SignedIn(String subject, String returnTo) {}

    /** A callback that does not sign anybody in; the message is for the person, the reason for the log. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String userMessage;

        RefusedException(String userMessage, String reason) {
            super(reason);
            this.userMessage = userMessage;
        }

        RefusedException(String userMessage, String reason, Throwable cause) {
            super(reason, cause);
            this.userMessage = userMessage;
        }

        public String userMessage() {
            return userMessage;
        }
    }

    public Started start(String returnTo) throws RefusedException {
        Provider current = provider();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        Instant now = clock.instant();
        store.startSignIn(
                SessionTokens.hash(state.getValue()),
                nonce.getValue(),
                verifier.getValue(),
                ReturnTo.orHome(returnTo),
                now,
                now.plus(signInTimeout));
        AuthenticationRequest request = new AuthenticationRequest.Builder(
                        new ResponseType(ResponseType.Value.CODE), scope, clientId, redirectUri)
                .endpointURI(current.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        return new Started(request.toURI(), state.getValue());
    }

    /**
     * Completes the sign-in the provider sent the browser back from.
     *
     * @param callback the callback URL as requested (its query: {@code code} and {@code state}, or an error)
     * @param stateCookie the state this browser was given when the sign-in started (null: it was not started here)
     */
    public SignedIn finish(URI callback, String stateCookie) throws RefusedException {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (ParseException e) {
            throw new RefusedException("That was not a sign-in answer. Start again.", "unparseable callback", e);
        }
        if (response.getState() == null
                || !SessionTokens.same(stateCookie, response.getState().getValue())) {
            throw new RefusedException(
                    "This sign-in was started in another browser or tab, or has expired. Start again.",
                    stateCookie == null ? "no state cookie" : "state does not match this browser's");
        }
        DashboardSessionStore.PendingSignIn pending = store.takeSignIn(
                        SessionTokens.hash(response.getState().getValue()), clock.instant())
                .orElseThrow(() -> new RefusedException(
                        "This sign-in has expired or was used already. Start again.", "unknown or expired state"));
        if (!response.indicatesSuccess()) {
            AuthenticationErrorResponse error = response.toErrorResponse();
            throw new RefusedException(
                    "The identity provider did not sign you in"
                            + (error.getErrorObject().getDescription() == null
                                    ? "."
                                    : ": " + error.getErrorObject().getDescription()),
                    "provider error " + error.getErrorObject().getCode());
        }
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        if (success.getIssuer() != null && !issuer.equals(success.getIssuer())) {
            throw new RefusedException(
                    "That answer came from another identity provider. Start again.", "iss " + success.getIssuer());
        }
        AuthorizationCode code = success.getAuthorizationCode();
        if (code == null) {
            throw new RefusedException("The identity provider sent no code. Start again.", "no code");
        }
        Provider current = provider();
        JWT idToken = exchange(current, code, new CodeVerifier(pending.codeVerifier()));
        try {
            IDTokenClaimsSet claims = current.validator().validate(idToken, new Nonce(pending.nonce()));
            return new SignedIn(claims.getSubject().getValue(), pending.returnTo());
        } catch (BadJOSEException | JOSEException e) {
            throw new RefusedException(
                    "The identity provider's answer did not check out. Start again.", "ID token: " + e.getMessage(), e);
        }
    }

    private JWT exchange(Provider current, AuthorizationCode code, CodeVerifier verifier) throws RefusedException {
        TokenRequest request = new TokenRequest.Builder(
                        current.metadata().getTokenEndpointURI(),
                        clientAuthentication(current.metadata()),
                        new AuthorizationCodeGrant(code, redirectUri, verifier))
                .build();
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(timeoutMillis);
        http.setReadTimeout(timeoutMillis);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException e) {
            throw new RefusedException(
                    "The identity provider did not answer. Try again in a minute.", "token request: " + e, e);
        }
        if (!response.indicatesSuccess()) {
            TokenErrorResponse error = response.toErrorResponse();
            throw new RefusedException(
                    "The identity provider refused the sign-in. Start again.",
                    "token endpoint: " + error.getErrorObject().getCode() + " "
                            + error.getErrorObject().getDescription());
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse())
                .getOIDCTokens()
                .getIDToken();
        if (idToken == null) {
            throw new RefusedException("The identity provider sent no ID token. Start again.", "no id_token");
        }
        return idToken;
    }

    /**
     * As configured (some providers insist on the method registered with the client), and in the form anyway when
     * the provider says it takes no other (both methods are in OIDC Core).
     */
    private ClientAuthentication clientAuthentication(OIDCProviderMetadata metadata) {
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        boolean onlyForm = methods != null
                && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        return secretInForm || onlyForm
                ? new ClientSecretPost(clientId, clientSecret)
                : new ClientSecretBasic(clientId, clientSecret);
    }

    /** The provider's metadata and ID token validator, resolved at first use and kept; retried after a failure. */
    private Provider provider() throws RefusedException {
        Provider current = provider;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (provider == null) {
                provider = resolve();
            }
            return provider;
        }
    }

    private Provider resolve() throws RefusedException {
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, timeoutMillis, timeoutMillis);
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(
                            metadata.getJWKSetURI().toURL(),
                            new DefaultResourceRetriever(timeoutMillis, timeoutMillis, 512 * 1024))
                    .build();
            Set<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs() == null
                    ? Set.of(JWSAlgorithm.RS256)
                    : metadata.getIDTokenJWSAlgs().stream()
                            .filter(ALLOWED::contains)
                            .collect(Collectors.toSet());
            if (algorithms.isEmpty()) {
                throw new RefusedException(
                        "Sign-in is misconfigured: tell the operator.",
                        "the provider signs ID tokens with none of " + ALLOWED);
            }
            IDTokenValidator validator =
                    new IDTokenValidator(issuer, clientId, new JWSVerificationKeySelector<>(algorithms, keys), null);
            validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
            LOG.info(
                    "event=dashboard.sign-in decision=provider_resolved issuer={} authorization={}",
                    issuer,
                    metadata.getAuthorizationEndpointURI());
            return new Provider(metadata, validator);
        } catch (GeneralException | IOException e) {
            throw new RefusedException(
                    "The identity provider cannot be reached. Try again in a minute.",
                    "discovery of " + issuer + ": " + e.getMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(
                    "Sign-in is misconfigured: tell the operator.", "bad jwks_uri: " + e.getMessage(), e);
        }
    }

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}
}
