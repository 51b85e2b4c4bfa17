package com.callbackcloser.api.resources.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.StripeFake;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every owner endpoint against every role, and against another tenant: allowed roles get through, other
 * members get 403, and a member of another business gets 404 (the resource's existence is never revealed).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OwnerAccessIT {
    private static final JwtIssuer IDP = new JwtIssuer();
    private static final StripeFake STRIPE = new StripeFake();
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures(
            "auth.jwtIssuer", JwtIssuer.ISSUER,
            "auth.jwksUrl", IDP.jwksUrl(),
            "stripe.secretKey", StripeFake.SECRET_KEY,
            "stripe.apiBaseUrl", STRIPE.baseUrl(),
            "stripe.priceStarter", StripeFake.PRICE_STARTER,
            "stripe.pricePro", StripeFake.PRICE_PRO);

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private enum Who {
        OWNER,
        ADMIN,
        AGENT
    }

    private static String businessA;
    private static String businessB;
    private static String leadA;
    private static String leadB;

    @BeforeAll
    static void twoBusinessesAndATeam() {
        // The first JWKS fetch of a cold JVM on a busy machine can outlast nimbus's half-second timeout.
        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(api().get(IDP.token("owner_a"), "/api/businesses")
                                .status())
                        .isEqualTo(200));
        businessA = create("owner_a", "Acme Plumbing");
        businessB = create("owner_b", "Bravo Heating");
        api().post(
                        token(Who.OWNER),
                        "/api/businesses/" + businessA + "/members",
                        Map.of("subject", "admin_a", "role", "admin"));
        api().post(
                        token(Who.OWNER),
                        "/api/businesses/" + businessA + "/members",
                        Map.of("subject", "agent_a", "role", "agent"));
        SERVICE.transactions().inTransaction(r -> {
            r.businesses()
                    .attachTwilioNumber(
                            UUID.fromString(businessA),
                            "+16285550901",
                            "PNa000000000000000000000000000000a",
                            Instant.now());
            r.businesses()
                    .attachTwilioNumber(
                            UUID.fromString(businessB),
                            "+16285550902",
                            "PNb000000000000000000000000000000b",
                            Instant.now());
            return null;
        });
        leadA = OwnerLeads.insertLead(SERVICE, businessA, "RE0a00000000000000000000000000000a", "NEW", Instant.now());
        leadB = OwnerLeads.insertLead(SERVICE, businessB, "RE0b00000000000000000000000000000b", "NEW", Instant.now());
        SERVICE.twilio.hasRecording("RE0a00000000000000000000000000000a", new byte[] {1, 2, 3});
        SERVICE.twilio.hasRecording("RE0b00000000000000000000000000000b", new byte[] {4, 5, 6});
        SERVICE.twilio.hasAccountNumbers(Map.of(
                "PNa000000000000000000000000000000a",
                "+16285550901",
                "PNb000000000000000000000000000000b",
                "+16285550902"));
        STRIPE.createsCustomer("cus_access");
        STRIPE.createsCheckoutSession("https://checkout.stripe.com/c/pay/cs_access");
        STRIPE.createsPortalSession("https://billing.stripe.com/p/session/access");
    }

    @AfterAll
    static void stopFakes() {
        IDP.close();
        STRIPE.close();
    }

    /** An endpoint, the roles it is for, and a request that is valid for it. */
    private record Endpoint(String method, String path, Object body, Set<Who> allowed) {
        String on(String business, String lead) {
            return path.replace("{b}", business).replace("{l}", lead);
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/businesses/{b}", null, EnumSet.allOf(Who.class)),
            new Endpoint(
                    "PATCH", "/api/businesses/{b}", Map.of("missedCallSeconds", 25), EnumSet.of(Who.OWNER, Who.ADMIN)),
            new Endpoint("GET", "/api/businesses/{b}/members", null, EnumSet.of(Who.OWNER, Who.ADMIN)),
            new Endpoint(
                    "POST",
                    "/api/businesses/{b}/members",
                    Map.of("subject", "temp_member", "role", "agent"),
                    EnumSet.of(Who.OWNER)),
            new Endpoint("DELETE", "/api/businesses/{b}/members/temp_member", null, EnumSet.of(Who.OWNER)),
            new Endpoint("GET", "/api/businesses/{b}/leads", null, EnumSet.allOf(Who.class)),
            new Endpoint("GET", "/api/businesses/{b}/leads/{l}", null, EnumSet.allOf(Who.class)),
            new Endpoint(
                    "PATCH", "/api/businesses/{b}/leads/{l}", Map.of("status", "contacted"), EnumSet.allOf(Who.class)),
            new Endpoint("GET", "/api/businesses/{b}/leads/{l}/recording", null, EnumSet.allOf(Who.class)),
            new Endpoint(
                    "POST",
                    "/api/businesses/{b}/leads/{l}/messages",
                    Map.of("body", "Hi, this is Acme"),
                    EnumSet.allOf(Who.class)),
            new Endpoint(
                    "POST",
                    "/api/businesses/{b}/phone-number",
                    Map.of("areaCode", "415"),
                    EnumSet.of(Who.OWNER, Who.ADMIN)),
            new Endpoint(
                    "POST", "/api/businesses/{b}/phone-number/connect", Map.of(), EnumSet.of(Who.OWNER, Who.ADMIN)),
            new Endpoint("POST", "/api/businesses/{b}/phone-number/sync", null, EnumSet.of(Who.OWNER, Who.ADMIN)),
            new Endpoint(
                    "POST", "/api/businesses/{b}/billing/checkout", Map.of("plan", "starter"), EnumSet.of(Who.OWNER)),
            new Endpoint("POST", "/api/businesses/{b}/billing/portal", null, EnumSet.of(Who.OWNER)),
            new Endpoint("GET", "/api/businesses/{b}/usage", null, EnumSet.allOf(Who.class)),
            new Endpoint(
                    "GET",
                    "/api/businesses/{b}/analytics?from=2026-11-01&to=2026-11-30",
                    null,
                    EnumSet.allOf(Who.class)),
            new Endpoint("GET", "/api/businesses/{b}/audit", null, EnumSet.of(Who.OWNER, Who.ADMIN)),
            new Endpoint(
                    "POST",
                    "/api/businesses/{b}/webhook-endpoints",
                    Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("lead.created")),
                    EnumSet.of(Who.OWNER, Who.ADMIN)),
            new Endpoint("GET", "/api/businesses/{b}/webhook-endpoints", null, EnumSet.of(Who.OWNER, Who.ADMIN)),
            new Endpoint("GET", "/api/businesses/{b}/webhook-deliveries", null, EnumSet.of(Who.OWNER, Who.ADMIN)));

    @Test
    void eachRoleGetsThroughWhereItIsAllowedAndIsForbiddenElsewhere() {
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Who who : new Who[] {Who.AGENT, Who.ADMIN, Who.OWNER}) {
                OwnerApiClient.Answer answer = call(token(who), endpoint, businessA, leadA);
                String what = who + " " + endpoint.method() + " " + endpoint.path();
                if (endpoint.allowed().contains(who)) {
                    softly.assertThat(answer.status())
                            .as(what + " " + answer.json())
                            .isNotIn(401, 403, 404)
                            .isLessThan(500);
                } else {
                    softly.assertThat(answer.status()).as(what).isEqualTo(403);
                    softly.assertThat(answer.json().get("code").asInt())
                            .as(what)
                            .isEqualTo(403);
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void aMemberOfAnotherBusinessGets404EverywhereAndChangesNothing() {
        int auditBefore = auditRows(businessA);
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : ENDPOINTS) {
            OwnerApiClient.Answer answer = call(IDP.token("owner_b"), endpoint, businessA, leadA);
            softly.assertThat(answer.status())
                    .as("owner_b " + endpoint.method() + " " + endpoint.path())
                    .isEqualTo(404);
        }
        softly.assertAll();
        assertThat(auditRows(businessA)).isEqualTo(auditBefore);
    }

    @Test
    void anotherTenantsLeadUnderOnesOwnBusinessIsNotFound() {
        for (String path : List.of(
                "/api/businesses/" + businessA + "/leads/" + leadB,
                "/api/businesses/" + businessA + "/leads/" + leadB + "/recording")) {
            assertThat(api().get(token(Who.OWNER), path).status()).as(path).isEqualTo(404);
        }
        assertThat(api().patch(
                                token(Who.OWNER),
                                "/api/businesses/" + businessA + "/leads/" + leadB,
                                Map.of("status", "booked"))
                        .status())
                .isEqualTo(404);
        assertThat(OwnerLeads.status(SERVICE, leadB)).isEqualTo("NEW");
    }

    @Test
    void someoneWithNoBusinessSeesAnEmptyListAndNothingElse() {
        String stranger = IDP.token("stranger");
        assertThat(api().get(stranger, "/api/businesses").json()).isEmpty();
        assertThat(api().get(stranger, "/api/businesses/" + businessA).status()).isEqualTo(404);
        assertThat(api().get(stranger, "/api/businesses/" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    private static OwnerApiClient.Answer call(String token, Endpoint endpoint, String business, String lead) {
        Object body = endpoint.body();
        if (body == null && endpoint.method().equals("POST")) {
            body = Map.of();
        }
        return api().send(token, endpoint.method(), endpoint.on(business, lead), body, Map.of());
    }

    private static int auditRows(String business) {
        return SERVICE.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM audit_events WHERE business_id = :b")
                        .bind("b", UUID.fromString(business))
                        .mapTo(Integer.class)
                        .one());
    }

    private static String create(String owner, String name) {
        OwnerApiClient.Answer created = api().post(
                        IDP.token(owner), "/api/businesses", Map.of("name", name, "forwardingNumber", "+14155550199"));
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    private static String token(Who who) {
        return IDP.token(
                switch (who) {
                    case OWNER -> "owner_a";
                    case ADMIN -> "admin_a";
                    case AGENT -> "agent_a";
                });
    }

    private static OwnerApiClient api() {
        return SERVICE.owner();
    }
}
