package com.callbackcloser.api.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.DashboardClient;
import com.callbackcloser.api.testing.FakeOidcProvider;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.Role;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's OpenID Connect sign-in against a strict local provider ({@link FakeOidcProvider}): code flow
 * with PKCE, state bound to the browser, nonce, ID token checks. The user is the token's {@code sub}, so the
 * business that has {@code user_2abc} as its member (as the owner API's JWTs would name them) is theirs.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OidcSignInIT {
    private static final FakeOidcProvider PROVIDER = new FakeOidcProvider();
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures(
            "auth.jwtIssuer",
            PROVIDER.issuer(),
            "auth.jwksUrl",
            PROVIDER.issuer() + "/jwks",
            "dashboard.oidcClientId",
            FakeOidcProvider.CLIENT_ID,
            "dashboard.oidcClientSecret",
            FakeOidcProvider.CLIENT_SECRET,
            "dashboard.devSignIn",
            "false");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static String leadPath;

    @BeforeAll
    static void aBusinessOfTheProvidersUser() {
        Business business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        SERVICE.transactions()
                .inTransaction(r -> r.members().put(business.id(), "user_2abc", Role.OWNER, Instant.now()));
        leadPath = "/leads/" + DashboardFixtures.missedCall(SERVICE, business, "+14155550123");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @BeforeEach
    void honestProvider() {
        PROVIDER.signsIn("user_2abc");
        PROVIDER.tamperWithIdTokens(claims -> claims);
    }

    @Test
    void theOwnersTextLinkSignsInWithCodeAndPkceAndLandsOnTheLead() throws Exception {
        int refusalsBefore = PROVIDER.tokenRefusals().size();
        DashboardClient browser = browser();
        HttpResponse<String> lead = browser.get(leadPath);
        assertThat(lead.statusCode()).isEqualTo(303);
        assertThat(DashboardClient.location(lead)).endsWith("/sign-in?return_to=" + leadPath.replace("/", "%2F"));

        HttpResponse<String> signInPage = browser.get(DashboardClient.location(lead));
        assertThat(signInPage.body()).contains("href=\"/auth/start?return_to=" + leadPath.replace("/", "%2F"));
        assertThat(signInPage.body()).doesNotContain("Development sign-in");

        String callback = authorizeAtProvider(browser, browser.get("/auth/start?return_to=" + leadPath));
        HttpResponse<String> signedIn = browser.get(callback);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        assertThat(DashboardClient.location(signedIn)).endsWith(leadPath);
        assertThat(browser.cookie("__Host-cc_session")).isNotBlank();

        HttpResponse<String> page = browser.get(leadPath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("(415) 555-0123").contains("Signed in as <strong>user_2abc</strong>");

        Map<String, String> asked = PROVIDER.authorizationRequests()
                .get(PROVIDER.authorizationRequests().size() - 1);
        assertThat(asked)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", ServiceUnderTest.PUBLIC_URL + "/auth/callback")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(asked.get("scope").split(" ", -1)).contains("openid");
        assertThat(PROVIDER.tokenRefusals())
                .as("the verifier matched the challenge")
                .hasSize(refusalsBefore);
    }

    @Test
    void aCallbackWithAnotherStateIsRefusedAndSignsNobodyIn() throws Exception {
        DashboardClient browser = browser();
        String callback = authorizeAtProvider(browser, browser.get("/auth/start"));
        String forged = callback.replaceAll("state=[^&]+", "state=someone-elses-state");
        HttpResponse<String> refused = browser.get(forged);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("started in another browser");
        assertNotSignedIn(browser);
    }

    @Test
    void aCallbackInABrowserThatDidNotStartTheSignInIsRefused() throws Exception {
        DashboardClient attacker = browser();
        String callback = authorizeAtProvider(attacker, attacker.get("/auth/start"));
        // The attacker's code and state, opened by the victim's browser (login CSRF): no state cookie there.
        DashboardClient victim = browser();
        HttpResponse<String> refused = victim.get(callback);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertNotSignedIn(victim);
    }

    @Test
    void aStateWorksOnce() throws Exception {
        DashboardClient browser = browser();
        String callback = authorizeAtProvider(browser, browser.get("/auth/start"));
        String stateCookie = browser.cookie("cc_oidc_state");
        assertThat(browser.get(callback).statusCode()).isEqualTo(303);

        DashboardClient replay = browser();
        replay.setCookie("cc_oidc_state", stateCookie);
        HttpResponse<String> again = replay.get(callback);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("expired or was used already");
        assertNotSignedIn(replay);
    }

    @Test
    void anExpiredSignInIsRefused() throws Exception {
        DashboardClient browser = browser();
        String callback = authorizeAtProvider(browser, browser.get("/auth/start"));
        SERVICE.jdbi()
                .useHandle(h -> h.execute("UPDATE dashboard_sign_ins SET expires_at = now() - interval '1 second'"));
        assertThat(browser.get(callback).statusCode()).isEqualTo(400);
        assertNotSignedIn(browser);
    }

    @Test
    void withoutThePkceVerifierTheProviderRefusesTheCode() throws Exception {
        DashboardClient browser = browser();
        String callback = authorizeAtProvider(browser, browser.get("/auth/start"));
        // As if the verifier had leaked out of the flow and another were sent: the provider's S256 check fails.
        SERVICE.jdbi()
                .useHandle(h -> h.execute("UPDATE dashboard_sign_ins SET code_verifier = 'x" + "0".repeat(60) + "'"));
        HttpResponse<String> refused = browser.get(callback);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(PROVIDER.tokenRefusals()).contains("PKCE verifier does not match the challenge");
        assertNotSignedIn(browser);
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() throws Exception {
        PROVIDER.tamperWithIdTokens(claims -> claims.claim("nonce", "replayed-nonce"));
        assertIdTokenRefused();
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() throws Exception {
        PROVIDER.tamperWithIdTokens(claims -> claims.audience("another-app"));
        assertIdTokenRefused();
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() throws Exception {
        PROVIDER.tamperWithIdTokens(claims -> claims.issuer("https://evil.example.test"));
        assertIdTokenRefused();
    }

    @Test
    void anExpiredIdTokenIsRefused() throws Exception {
        PROVIDER.tamperWithIdTokens(claims ->
                claims.expirationTime(java.util.Date.from(Instant.now().minusSeconds(3600))));
        assertIdTokenRefused();
    }

    @Test
    void theProvidersRefusalIsSaidAndSignsNobodyIn() {
        DashboardClient browser = browser();
        HttpResponse<String> start = browser.get("/auth/start");
        String state = query(URI.create(DashboardClient.location(start))).get("state");
        HttpResponse<String> refused =
                browser.get("/auth/callback?error=access_denied&error_description=User+cancelled&state=" + state);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("did not sign you in: User cancelled");
        assertNotSignedIn(browser);
    }

    @Test
    void theDevelopmentSignInIsOffWhenConfiguredOff() {
        DashboardClient browser = browser();
        browser.get("/sign-in");
        HttpResponse<String> refused = browser.post("/sign-in/dev", Map.of("name", "user_2abc"));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertNotSignedIn(browser);
    }

    private void assertIdTokenRefused() throws Exception {
        DashboardClient browser = browser();
        String callback = authorizeAtProvider(browser, browser.get("/auth/start"));
        HttpResponse<String> refused = browser.get(callback);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("did not check out");
        assertNotSignedIn(browser);
    }

    private static void assertNotSignedIn(DashboardClient browser) {
        assertThat(browser.cookie("__Host-cc_session")).isNull();
        HttpResponse<String> inbox = browser.get("/leads");
        assertThat(inbox.statusCode()).isEqualTo(303);
        assertThat(DashboardClient.location(inbox)).contains("/sign-in");
    }

    /**
     * Follows the service's redirect to the provider (which signs in at once) and returns the callback URL the
     * provider sends the browser to, aimed at this test's service instead of the public URL.
     */
    private static String authorizeAtProvider(DashboardClient browser, HttpResponse<String> start)
            throws IOException, InterruptedException {
        assertThat(start.statusCode()).as(start.body()).isEqualTo(303);
        assertThat(browser.cookie("cc_oidc_state")).isNotBlank();
        HttpResponse<String> provider = HTTP.send(
                HttpRequest.newBuilder(URI.create(DashboardClient.location(start)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(provider.statusCode()).as(provider.body()).isEqualTo(302);
        String back = DashboardClient.location(provider)
                .replace(ServiceUnderTest.PUBLIC_URL, "http://localhost:" + SERVICE.app.getLocalPort());
        return back;
    }

    private static DashboardClient browser() {
        return new DashboardClient(SERVICE.app.getLocalPort());
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&", -1))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8), (a, b) -> b));
    }
}
