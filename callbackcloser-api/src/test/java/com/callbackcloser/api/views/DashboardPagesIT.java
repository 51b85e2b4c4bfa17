package com.callbackcloser.api.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.DashboardClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.Role;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's pages over HTTP, as a browser without JavaScript (and as htmx) sees them: every page for every
 * role, another tenant's lead, CSRF, sessions and sign-out, return-to, search and the inbox's refresh, the
 * recording, the plan page Stripe returns to, and the headers (CSP without 'unsafe-inline').
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DashboardPagesIT {
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures();

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final Map<String, String> HTMX = Map.of("HX-Request", "true");
    private static final Pattern REFRESH = Pattern.compile("id=\"inbox-refresh\" hx-get=\"([^\"]+)\"");

    private static Business acme;
    private static Business bravo;
    private static String acmeLead;
    private static String recordedLead;
    private static String bravoLead;

    @BeforeAll
    static void twoBusinessesWithTheirTeamsAndCalls() {
        acme = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        bravo = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        DashboardFixtures.member(SERVICE, acme, "owner_a", Role.OWNER);
        DashboardFixtures.member(SERVICE, acme, "admin_a", Role.ADMIN);
        DashboardFixtures.member(SERVICE, acme, "agent_a", Role.AGENT);
        DashboardFixtures.member(SERVICE, bravo, "owner_b", Role.OWNER);
        acmeLead = DashboardFixtures.missedCall(SERVICE, acme, "+14155550123");
        DashboardFixtures.text(SERVICE, acme, "+14155550123", "1");
        recordedLead =
                DashboardFixtures.missedCall(SERVICE, acme, "+14155550140", "RE00000000000000000000000000000da5");
        SERVICE.twilio.hasRecording("RE00000000000000000000000000000da5", new byte[] {7, 7, 7, 7});
        bravoLead = DashboardFixtures.missedCall(SERVICE, bravo, "+14155550987");
    }

    @Test
    void everyPageRendersForEachRole() {
        SoftAssertions softly = new SoftAssertions();
        for (String who : List.of("owner_a", "admin_a", "agent_a")) {
            DashboardClient browser = signedIn(who);
            for (String path : List.of(
                    "/leads",
                    "/leads?business=" + acme.id() + "&status=qualified&q=0123",
                    "/leads/" + acmeLead,
                    "/leads/" + recordedLead,
                    "/billing",
                    "/billing?checkout=success",
                    "/billing?checkout=cancel")) {
                HttpResponse<String> page = browser.get(path);
                softly.assertThat(page.statusCode()).as(who + " " + path).isEqualTo(200);
                softly.assertThat(page.body()).as(who + " " + path).contains("Signed in as <strong>" + who);
                assertStrictPage(softly, who + " " + path, page);
            }
            softly.assertThat(browser.get("/leads").body()).as(who).contains("(415) 555-0123", "Repair");
            softly.assertThat(browser.get("/leads/" + acmeLead).body())
                    .as(who)
                    .contains("Text the caller", "id=\"lead-status\"", "Got it: Repair");
            String plan = browser.get("/billing").body();
            softly.assertThat(plan)
                    .as(who)
                    .contains(
                            who.equals("owner_a")
                                    ? "Subscribing, changing the plan"
                                    : "The business's owner manages its plan");
        }
        softly.assertAll();
    }

    @Test
    void someoneInNoBusinessIsToldHowToGetOne() {
        HttpResponse<String> page = signedIn("newcomer").get("/leads");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No business yet").contains("--owner \"newcomer\"");
    }

    @Test
    void anotherTenantsLeadIsNotFoundAndCannotBeChanged() {
        DashboardClient bravoOwner = signedIn("owner_b");
        String csrf = bravoOwner.csrfToken();
        for (String path : List.of(
                "/leads/" + acmeLead,
                "/leads/" + acmeLead + "/conversation",
                "/leads/" + recordedLead + "/recording",
                "/leads/" + UUID.randomUUID(),
                "/leads?business=" + acme.id(),
                "/leads/updates?business=" + acme.id() + "&since=" + InboxQuery.BEGINNING,
                "/billing?business=" + acme.id())) {
            HttpResponse<String> answer = bravoOwner.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).contains("Not found").doesNotContain("(415) 555-0123");
        }
        int messagesBefore = count("SELECT count(*) FROM messages WHERE lead_id = '" + acmeLead + "'");
        assertThat(bravoOwner
                        .postExactly(
                                "/leads/" + acmeLead + "/status", Map.of("_csrf", csrf, "status", "booked"), Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(bravoOwner
                        .postExactly(
                                "/leads/" + acmeLead + "/messages",
                                Map.of("_csrf", csrf, "body", "hello", "replyKey", "k1"),
                                Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(status(acmeLead)).isNotEqualTo("BOOKED");
        assertThat(count("SELECT count(*) FROM messages WHERE lead_id = '" + acmeLead + "'"))
                .isEqualTo(messagesBefore);
        // Their own lead is theirs.
        assertThat(bravoOwner.get("/leads/" + bravoLead).statusCode()).isEqualTo(200);
    }

    @Test
    void aStateChangingRequestWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        DashboardClient owner = signedIn("owner_a");
        owner.get("/leads/" + acmeLead);
        String token = owner.csrfToken();
        String before = status(acmeLead);
        int audit = count("SELECT count(*) FROM audit_events");

        assertThat(owner.postExactly("/leads/" + acmeLead + "/status", Map.of("status", "booked"), Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(owner.postExactly(
                                "/leads/" + acmeLead + "/status",
                                Map.of("_csrf", token + "x", "status", "booked"),
                                Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(owner.postExactly(
                                "/leads/" + acmeLead + "/status",
                                Map.of("status", "booked"),
                                Map.of("HX-Request", "true", "X-CSRF-Token", "not-the-token"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> reply = owner.postExactly(
                "/leads/" + acmeLead + "/messages", Map.of("body", "Hi there", "replyKey", "csrf-1"), Map.of());
        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(reply.body()).contains("This form has expired");
        HttpResponse<String> signOut = owner.postExactly("/sign-out", Map.of(), Map.of());
        assertThat(signOut.statusCode()).isEqualTo(403);

        assertThat(status(acmeLead)).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM audit_events")).isEqualTo(audit);
        assertThat(count("SELECT count(*) FROM messages WHERE body = 'Hi there'"))
                .isZero();
        assertThat(owner.get("/leads").statusCode()).as("still signed in").isEqualTo(200);

        // With the token, in htmx's header, the same change goes through.
        HttpResponse<String> changed = owner.postExactly(
                "/leads/" + acmeLead + "/status",
                Map.of("status", "contacted"),
                Map.of("HX-Request", "true", "X-CSRF-Token", token));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("Saved: Contacted.").doesNotContain("<html");
        assertThat(status(acmeLead)).isEqualTo("CONTACTED");
    }

    @Test
    void aStatusChangeThroughThePageIsAuditedAsInTheApi() {
        DashboardClient agent = signedIn("agent_a");
        agent.get("/leads/" + recordedLead);
        HttpResponse<String> saved = agent.post("/leads/" + recordedLead + "/status", Map.of("status", "booked"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(DashboardClient.location(saved)).endsWith("/leads/" + recordedLead + "?saved=status");
        assertThat(status(recordedLead)).isEqualTo("BOOKED");
        assertThat(count("SELECT count(*) FROM audit_events WHERE action = 'lead.status_changed' AND actor = 'agent_a'"
                        + " AND target = '" + recordedLead + "'"))
                .isEqualTo(1);
        assertThat(agent.get(DashboardClient.location(saved)).body()).contains("Saved.");
    }

    @Test
    void afterSignOutTheSessionIsOverAndPagesSendToSignIn() throws Exception {
        DashboardClient owner = signedIn("owner_a");
        String cookie = owner.cookie("__Host-cc_session");
        HttpResponse<String> signedOut = owner.post("/sign-out", Map.of());
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(DashboardClient.location(signedOut)).endsWith("/sign-in?signed_out=1");
        assertThat(signedOut.headers().allValues("Set-Cookie"))
                .anyMatch(header -> header.startsWith("__Host-cc_session=;") && header.contains("Max-Age=0"));
        assertThat(count("SELECT count(*) FROM dashboard_sessions WHERE token_hash = decode('" + sha256Hex(cookie)
                        + "', 'hex') AND revoked_at IS NOT NULL"))
                .isEqualTo(1);

        // The browser kept the old cookie (or someone copied it): it signs nobody in.
        DashboardClient stale = new DashboardClient(SERVICE.app.getLocalPort());
        stale.setCookie("__Host-cc_session", cookie);
        HttpResponse<String> inbox = stale.get("/leads/" + acmeLead);
        assertThat(inbox.statusCode()).isEqualTo(303);
        assertThat(DashboardClient.location(inbox)).endsWith("/sign-in?return_to=%2Fleads%2F" + acmeLead);
        HttpResponse<String> refresh = stale.get("/leads/" + acmeLead + "/conversation", HTMX);
        assertThat(refresh.statusCode()).isEqualTo(401);
        assertThat(refresh.headers().firstValue("HX-Redirect"))
                .hasValueSatisfying(to -> assertThat(to).startsWith("/sign-in?return_to="));
    }

    @Test
    void aSessionEndsWhenIdleTooLongOrTooOld() throws Exception {
        DashboardClient idle = signedIn("owner_a");
        String idleHash = sha256Hex(idle.cookie("__Host-cc_session"));
        SERVICE.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE dashboard_sessions SET last_seen_at = now() - interval '8 days'"
                                + " WHERE token_hash = decode(?, 'hex')",
                        idleHash));
        assertThat(idle.get("/leads").statusCode()).isEqualTo(303);

        DashboardClient old = signedIn("owner_a");
        String oldHash = sha256Hex(old.cookie("__Host-cc_session"));
        SERVICE.jdbi()
                .useHandle(h -> h.execute(
                        "UPDATE dashboard_sessions SET expires_at = now() - interval '1 second'"
                                + " WHERE token_hash = decode(?, 'hex')",
                        oldHash));
        assertThat(old.get("/leads").statusCode()).isEqualTo(303);
    }

    @Test
    void aPageRefreshingItselfDoesNotKeepAnIdleSessionAlive() throws Exception {
        DashboardClient owner = signedIn("owner_a");
        String hash = sha256Hex(owner.cookie("__Host-cc_session"));
        String twoMinutesAgo = "UPDATE dashboard_sessions SET last_seen_at = now() - interval '2 minutes'"
                + " WHERE token_hash = decode(?, 'hex')";
        SERVICE.jdbi().useHandle(h -> h.execute(twoMinutesAgo, hash));
        assertThat(owner.get("/leads/" + acmeLead + "/conversation?v=x", HTMX).statusCode())
                .isEqualTo(200);
        assertThat(owner.get("/leads/updates?business=" + acme.id() + "&since=" + InboxQuery.BEGINNING, HTMX)
                        .statusCode())
                .isEqualTo(200);
        assertThat(secondsSinceSeen(hash)).as("refreshes are no activity").isGreaterThanOrEqualTo(110);
        assertThat(owner.get("/leads").statusCode()).isEqualTo(200);
        assertThat(secondsSinceSeen(hash)).as("a page view is").isLessThan(60);
    }

    @Test
    void someoneInSeveralBusinessesSwitchesBetweenThem() {
        DashboardFixtures.member(SERVICE, acme, "multi", Role.AGENT);
        DashboardFixtures.member(SERVICE, bravo, "multi", Role.ADMIN);
        DashboardClient multi = signedIn("multi");
        String first = multi.get("/leads").body();
        assertThat(first).contains("id=\"business-switcher\"", acme.name(), "(agent)", "(admin)");
        String other = acme.id().toString().compareTo(bravo.id().toString()) < 0
                ? bravo.id().toString()
                : acme.id().toString();
        String page = multi.get("/leads?business=" + other).body();
        assertThat(page).contains("<option value=\"" + other + "\" selected>");
        assertThat(leadsOn(page))
                .contains(other.equals(bravo.id().toString()) ? bravoLead : acmeLead)
                .doesNotContain(other.equals(bravo.id().toString()) ? acmeLead : bravoLead);
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureAndOnlyItsHashIsStored() throws Exception {
        DashboardClient browser = new DashboardClient(SERVICE.app.getLocalPort());
        HttpResponse<String> signedIn = browser.signInAs("owner_a");
        String header = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("__Host-cc_session="))
                .findFirst()
                .orElseThrow();
        assertThat(header)
                .contains("HttpOnly", "Secure", "SameSite=Lax", "Path=/")
                .doesNotContain("Domain");
        String token = browser.cookie("__Host-cc_session");
        assertThat(count("SELECT count(*) FROM dashboard_sessions WHERE encode(token_hash, 'escape') LIKE '%"
                        + token.substring(0, 20) + "%'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM dashboard_sessions WHERE token_hash = decode('" + sha256Hex(token)
                        + "', 'hex') AND subject = 'owner_a'"))
                .isEqualTo(1);
    }

    @Test
    void aLinkThatNeedsSignInComesBackThereAfterwards() {
        DashboardClient browser = new DashboardClient(SERVICE.app.getLocalPort());
        HttpResponse<String> lead = browser.get("/leads/" + acmeLead);
        assertThat(DashboardClient.location(lead)).endsWith("/sign-in?return_to=%2Fleads%2F" + acmeLead);
        HttpResponse<String> signInPage = browser.get("/sign-in?return_to=%2Fleads%2F" + acmeLead);
        assertThat(signInPage.body()).contains("name=\"return_to\" value=\"/leads/" + acmeLead + "\"");
        HttpResponse<String> signedIn = browser.signInAs("owner_a", "/leads/" + acmeLead);
        assertThat(DashboardClient.location(signedIn)).endsWith("/leads/" + acmeLead);
    }

    @Test
    void signInNeverSendsTheBrowserToAnotherSite() {
        for (String hostile : List.of(
                "https://evil.example.test/leads",
                "//evil.example.test/leads",
                "/\\evil.example.test",
                "/\t/evil.example.test",
                "javascript:alert(1)",
                "/sign-in/dev",
                "leads")) {
            HttpResponse<String> signedIn =
                    new DashboardClient(SERVICE.app.getLocalPort()).signInAs("owner_a", hostile);
            assertThat(signedIn.statusCode()).as(hostile).isEqualTo(303);
            assertThat(DashboardClient.location(signedIn))
                    .as(hostile)
                    .isEqualTo("http://localhost:" + SERVICE.app.getLocalPort() + "/leads");
        }
    }

    @Test
    void theDevelopmentSignInRefusesAFormThatDidNotComeFromItsPage() {
        DashboardClient elsewhere = new DashboardClient(SERVICE.app.getLocalPort());
        HttpResponse<String> refused =
                elsewhere.postExactly("/sign-in/dev", Map.of("name", "owner_a", "_csrf", "guessed"), Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(elsewhere.cookie("__Host-cc_session")).isNull();
        HttpResponse<String> blank = new DashboardClient(SERVICE.app.getLocalPort()).signInAs("  ");
        assertThat(blank.statusCode()).isEqualTo(422);
    }

    @Test
    void theInboxSearchesByNumberOrNameAndFiltersByStatus() {
        Business shop = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        DashboardFixtures.member(SERVICE, shop, "owner_s", Role.OWNER);
        String dana = DashboardFixtures.missedCall(SERVICE, shop, "+14155550201");
        SERVICE.jdbi()
                .useHandle(h ->
                        h.execute("UPDATE leads SET contact_name = 'Dana Scully' WHERE id = CAST(? AS uuid)", dana));
        String fox = DashboardFixtures.missedCall(SERVICE, shop, "+14155550302");
        DashboardClient owner = signedIn("owner_s");
        assertThat(leadsOn(owner.get("/leads?q=" + enc("(415) 555-0201")).body()))
                .containsExactly(dana);
        assertThat(leadsOn(owner.get("/leads?q=0302").body())).containsExactly(fox);
        assertThat(leadsOn(owner.get("/leads?q=scul").body())).containsExactly(dana);
        assertThat(leadsOn(owner.get("/leads?q=" + enc("Da_a")).body()))
                .as("_ is no wildcard")
                .isEmpty();
        assertThat(leadsOn(owner.get("/leads?q=" + enc("Da%")).body()))
                .as("% is no wildcard")
                .isEmpty();
        assertThat(leadsOn(owner.get("/leads").body())).containsExactly(fox, dana);
        assertThat(leadsOn(owner.get("/leads?status=booked").body())).isEmpty();
        assertThat(owner.get("/leads?status=booked").body()).contains("No missed calls match");
    }

    @Test
    void aNewMissedCallReachesAnOpenInboxThroughItsRefresh() {
        Business shop = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        DashboardFixtures.member(SERVICE, shop, "owner_r", Role.OWNER);
        DashboardClient owner = signedIn("owner_r");
        HttpResponse<String> inbox = owner.get("/leads");
        assertThat(inbox.body()).contains("No missed calls yet", "Your number is");
        String refresh = refreshOf(inbox.body());
        assertThat(owner.get(refresh, HTMX).statusCode()).isEqualTo(204);

        String lead = DashboardFixtures.missedCall(SERVICE, shop, "+14155550777");
        HttpResponse<String> update = owner.get(refresh, HTMX);
        assertThat(update.statusCode()).isEqualTo(200);
        assertThat(update.body())
                .contains("hx-swap-oob=\"afterbegin:#lead-list\"", "id=\"lead-" + lead + "\"", "(415) 555-0777")
                .contains("New missed call from (415) 555-0777");
        String next = refreshOf(update.body());
        assertThat(owner.get(next, HTMX).statusCode())
                .as("nothing newer than the new one")
                .isEqualTo(204);
    }

    @Test
    void theRecordingPlaysThroughTheOwnerApisRecordingResource() throws Exception {
        DashboardClient agent = signedIn("agent_a");
        assertThat(agent.get("/leads/" + recordedLead).body())
                .contains("<audio id=\"recording\"", "src=\"/leads/" + recordedLead + "/recording\"", "(0:42)");
        java.net.http.HttpResponse<byte[]> audio = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                                        + SERVICE.app.getLocalPort() + "/leads/" + recordedLead + "/recording"))
                                .header("Cookie", "__Host-cc_session=" + agent.cookie("__Host-cc_session"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(audio.body()).containsExactly(7, 7, 7, 7);
        assertThat(agent.get("/leads/" + acmeLead + "/recording").statusCode())
                .as("no recording")
                .isEqualTo(404);
    }

    @Test
    void stripesReturnUrlsLandOnThePlanPage() {
        DashboardClient owner = signedIn("owner_a");
        assertThat(owner.get("/billing?checkout=success").body())
                .contains("Your plan", "Thank you!", "Your subscription is active", "Starter");
        assertThat(owner.get("/billing?checkout=canceled").body()).contains("Checkout was canceled");
        assertThat(owner.get("/billing").body()).contains("conversations used").doesNotContain("Thank you");
    }

    @Test
    void assetsComeFromThisServiceAndAreCachedByVersion() {
        DashboardClient browser = new DashboardClient(SERVICE.app.getLocalPort());
        String page = browser.get("/sign-in").body();
        Matcher scripts = Pattern.compile("<script src=\"([^\"]+)\"").matcher(page);
        int found = 0;
        while (scripts.find()) {
            found++;
            HttpResponse<String> script = browser.get(scripts.group(1));
            assertThat(script.statusCode()).as(scripts.group(1)).isEqualTo(200);
            assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        }
        assertThat(found).isEqualTo(2);
        assertThat(page).contains("/webjars/htmx.org/2.0.4/dist/htmx.min.js").doesNotContain("https://");
    }

    @Test
    void hostileInputIsNeverAServerErrorAndIsShownEscaped() {
        Business paused = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.INACTIVE);
        DashboardFixtures.member(SERVICE, paused, "owner_h", Role.OWNER);
        String lead = DashboardFixtures.missedCall(SERVICE, paused, "+14155550666");
        DashboardClient owner = signedIn("owner_h");
        owner.get("/leads/" + lead);
        String token = owner.csrfToken();
        SoftAssertions softly = new SoftAssertions();
        for (String hostile : List.of(
                "\"><script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "'; DROP TABLE leads; --",
                "Da\u0000na",
                "\u0000",
                "a\ufffeb",
                "\u202eevil",
                "😀 Zoë",
                "%",
                "_",
                "\\",
                "%zz",
                "${7*7}",
                "<#assign x=1>",
                "../../etc/passwd",
                "x".repeat(5000))) {
            String q = enc(hostile);
            for (String path : List.of(
                    "/leads?q=" + q,
                    "/leads?status=" + q,
                    "/leads?cursor=" + q,
                    "/leads?business=" + q,
                    "/leads/updates?since=" + q,
                    "/billing?checkout=" + q,
                    "/sign-in?return_to=" + q)) {
                HttpResponse<String> page = owner.get(path);
                softly.assertThat(page.statusCode()).as(path).isLessThan(500);
                softly.assertThat(page.body()).as(path).doesNotContain("<script>alert", "<img src=x", "<#assign");
            }
            for (Map<String, String> form : List.of(
                    Map.of("_csrf", token, "body", hostile, "replyKey", hostile),
                    Map.of("_csrf", token, "status", hostile))) {
                String path = "/leads/" + lead + (form.containsKey("body") ? "/messages" : "/status");
                HttpResponse<String> answer = owner.postExactly(path, form, Map.of());
                softly.assertThat(answer.statusCode()).as(path + " " + hostile).isBetween(400, 499);
                softly.assertThat(answer.body()).as(path).doesNotContain("<script>alert", "<img src=x");
            }
        }
        softly.assertAll();
        assertThat(count("SELECT count(*) FROM messages WHERE lead_id = '" + lead + "' AND sent_by IS NOT NULL"))
                .isZero();
    }

    private static void assertStrictPage(SoftAssertions softly, String what, HttpResponse<String> page) {
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        softly.assertThat(csp)
                .as(what)
                .contains("script-src 'self'", "style-src 'self'")
                .doesNotContain("unsafe");
        softly.assertThat(page.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
        softly.assertThat(page.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        softly.assertThat(page.body())
                .as(what + ": nothing inline for the CSP to block")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                .doesNotContainPattern("\\sstyle=")
                .doesNotContainPattern("<style")
                .doesNotContainPattern("\\son[a-z]+=");
    }

    private static DashboardClient signedIn(String subject) {
        DashboardClient browser = new DashboardClient(SERVICE.app.getLocalPort());
        HttpResponse<String> signedIn = browser.signInAs(subject);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        browser.get("/leads");
        return browser;
    }

    private static List<String> leadsOn(String page) {
        Matcher rows = Pattern.compile("<li class=\"lead[^\"]*\" id=\"lead-([0-9a-f-]{36})\"")
                .matcher(page);
        List<String> ids = new java.util.ArrayList<>();
        while (rows.find()) {
            ids.add(rows.group(1));
        }
        return ids;
    }

    private static String refreshOf(String page) {
        Matcher matcher = REFRESH.matcher(page);
        assertThat(matcher.find()).as("the inbox refreshes itself").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static String status(String lead) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT status FROM leads WHERE id = CAST(:id AS uuid)")
                        .bind("id", lead)
                        .mapTo(String.class)
                        .one());
    }

    private static int count(String sql) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static double secondsSinceSeen(String tokenHash) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT extract(epoch FROM now() - last_seen_at) FROM dashboard_sessions"
                                + " WHERE token_hash = decode(:hash, 'hex')")
                        .bind("hash", tokenHash)
                        .mapTo(Double.class)
                        .one());
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256Hex(String token) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
