package com.callbackcloser.api.resources.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.StripeFake;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Onboarding, settings, the team, billing actions, and the audit trail they leave. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OwnerBusinessIT {
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

    private String owner;
    private String business;

    @AfterAll
    static void stopFakes() {
        IDP.close();
        STRIPE.close();
    }

    @BeforeEach
    void aBusinessWithItsOwner() {
        owner = IDP.token("owner_" + System.nanoTime());
        OwnerApiClient.Answer created = api().post(
                        owner,
                        "/api/businesses",
                        Map.of("name", "Acme Plumbing", "forwardingNumber", "(415) 555-0199"));
        business = created.text("id");
    }

    @Test
    void onboardingMakesTheCallerTheOwnerWithTheOldAppsDefaults() {
        OwnerApiClient.Answer created = api().post(
                        owner,
                        "/api/businesses",
                        Map.of(
                                "name",
                                "  Second Shop ",
                                "forwardingNumber",
                                "415-555-0198",
                                "notifyPhone",
                                "4155550177"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/businesses/" + created.text("id")));
        JsonNode body = created.json();
        assertThat(body.get("name").asText()).isEqualTo("Second Shop");
        assertThat(body.get("role").asText()).isEqualTo("OWNER");
        assertThat(body.get("forwardingNumber").asText()).isEqualTo("+14155550198");
        assertThat(body.get("notifyPhone").asText()).isEqualTo("+14155550177");
        assertThat(body.get("missedCallSeconds").asInt()).isEqualTo(20);
        assertThat(body.get("serviceLabels").toString()).isEqualTo("[\"Repair\",\"Install\",\"Maintenance\"]");
        assertThat(body.get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(body.get("followUpMinutes").asInt()).isEqualTo(120);
        assertThat(body.get("ownerQuietHours").asBoolean()).isFalse();
        assertThat(body.get("callScreening").isBoolean()).isTrue();
        assertThat(body.get("callScreening").asBoolean()).isFalse();
        assertThat(body.get("subscription").get("status").asText()).isEqualTo("INACTIVE");
        assertThat(body.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(api().get(owner, "/api/businesses").json()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "name|A",
                "forwardingNumber|12345",
                "notifyPhone|not a phone",
                "missedCallSeconds|4",
                "missedCallSeconds|91",
                "timeZone|Mars/Base",
                "timeZone|+02:00",
                "followUpMinutes|-1",
                "followUpMinutes|14",
                "followUpMinutes|1441"
            })
    void invalidSettingsAre422NamingTheFieldAndChangeNothing(String field, String value) {
        Map<String, Object> patch = new HashMap<>();
        patch.put(
                field,
                field.equals("missedCallSeconds") || field.equals("followUpMinutes") ? Integer.valueOf(value) : value);

        OwnerApiClient.Answer answer = api().patch(owner, "/api/businesses/" + business, patch);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("field").asText()).isEqualTo(field);
        assertThat(answer.json().get("code").asInt()).isEqualTo(422);
        JsonNode stored = api().get(owner, "/api/businesses/" + business).json();
        assertThat(stored.get("name").asText()).isEqualTo("Acme Plumbing");
        assertThat(stored.get("missedCallSeconds").asInt()).isEqualTo(20);
    }

    @Test
    void serviceLabelsMustBeThreeOf1To40Characters() {
        for (Object labels : List.of(List.of("A", "B"), List.of("A", "", "C"), List.of("A", "B", "x".repeat(41)))) {
            OwnerApiClient.Answer answer =
                    api().patch(owner, "/api/businesses/" + business, Map.of("serviceLabels", labels));
            assertThat(answer.status()).as(labels.toString()).isEqualTo(422);
            assertThat(answer.json().get("field").asText()).isEqualTo("serviceLabels");
        }
        assertThat(api().post(owner, "/api/businesses", Map.of("forwardingNumber", "+14155550199"))
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("name");
        assertThat(api().post(owner, "/api/businesses", "{not json").status()).isEqualTo(400);
    }

    @Test
    void aPatchChangesOnlyWhatItSendsAndIsAuditedWithTheCorrelationId() {
        OwnerApiClient.Answer answer = api().send(
                        owner,
                        "PATCH",
                        "/api/businesses/" + business,
                        Map.of(
                                "missedCallSeconds",
                                15,
                                "serviceLabels",
                                List.of("Leaks", "Heaters", "Drains"),
                                "timeZone",
                                "America/Chicago",
                                "notifyPhone",
                                "+14155550177"),
                        Map.of("X-Correlation-Id", "corr-settings-1"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("missedCallSeconds").asInt()).isEqualTo(15);
        assertThat(answer.json().get("name").asText()).isEqualTo("Acme Plumbing");
        JsonNode entry = audit(owner).get(0);
        assertThat(entry.get("action").asText()).isEqualTo("business.settings_changed");
        assertThat(entry.get("correlationId").asText()).isEqualTo("corr-settings-1");
        assertThat(entry.get("changes").get("missedCallSeconds").toString())
                .isEqualTo("{\"from\":\"20\",\"to\":\"15\"}");
        assertThat(entry.get("changes").get("timeZone").get("to").asText()).isEqualTo("America/Chicago");
        assertThat(entry.get("changes").has("name")).isFalse();

        api().patch(owner, "/api/businesses/" + business, Map.of("notifyPhone", ""));
        assertThat(api().get(owner, "/api/businesses/" + business)
                        .json()
                        .get("notifyPhone")
                        .isNull())
                .isTrue();
    }

    @Test
    void theFollowUpDelayAndTheOwnersQuietHoursAreSettingsAuditedLikeTheOthers() {
        OwnerApiClient.Answer answer = api().patch(
                        owner, "/api/businesses/" + business, Map.of("followUpMinutes", 45, "ownerQuietHours", true));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("followUpMinutes").asInt()).isEqualTo(45);
        assertThat(answer.json().get("ownerQuietHours").asBoolean()).isTrue();
        JsonNode changes = audit(owner).get(0).get("changes");
        assertThat(changes.get("followUpMinutes").toString()).isEqualTo("{\"from\":\"120\",\"to\":\"45\"}");
        assertThat(changes.get("ownerQuietHours").toString()).isEqualTo("{\"from\":\"false\",\"to\":\"true\"}");

        // 0 turns follow-ups off; what is not sent stays.
        JsonNode off = api().patch(owner, "/api/businesses/" + business, Map.of("followUpMinutes", 0))
                .json();
        assertThat(off.get("followUpMinutes").asInt()).isZero();
        assertThat(off.get("ownerQuietHours").asBoolean()).isTrue();
        assertThat(api().patch(owner, "/api/businesses/" + business, Map.of("ownerQuietHours", "sometimes"))
                        .status())
                .isEqualTo(400);
        OwnerApiClient.Answer created = api().post(
                        owner,
                        "/api/businesses",
                        Map.of("name", "Night Owls", "forwardingNumber", "+14155550198", "followUpMinutes", 30));
        assertThat(created.json().get("followUpMinutes").asInt()).isEqualTo(30);
    }

    @Test
    void callScreeningIsOffUntilTurnedOnAndEachChangeIsAudited() {
        String path = "/api/businesses/" + business;
        assertThat(api().get(owner, path).json().get("callScreening").asBoolean())
                .isFalse();

        OwnerApiClient.Answer on = api().send(
                        owner,
                        "PATCH",
                        path,
                        Map.of("callScreening", true),
                        Map.of("X-Correlation-Id", "corr-screen-1"));
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().get("callScreening").asBoolean()).isTrue();
        JsonNode entry = audit(owner).get(0);
        assertThat(entry.get("action").asText()).isEqualTo("business.settings_changed");
        assertThat(entry.get("correlationId").asText()).isEqualTo("corr-screen-1");
        assertThat(entry.get("changes").toString())
                .isEqualTo("{\"callScreening\":{\"from\":\"false\",\"to\":\"true\"}}");

        int entries = audit(owner).size();
        api().patch(owner, path, Map.of("missedCallSeconds", 18));
        api().patch(owner, path, Map.of("callScreening", true));
        assertThat(api().get(owner, path).json().get("callScreening").asBoolean())
                .as("a patch without it, or with the same value, leaves it on")
                .isTrue();
        assertThat(audit(owner)).hasSize(entries + 1);

        api().patch(owner, path, Map.of("callScreening", false));
        assertThat(audit(owner).get(0).get("changes").get("callScreening").toString())
                .isEqualTo("{\"from\":\"true\",\"to\":\"false\"}");
        assertThat(api().post(
                                owner,
                                "/api/businesses",
                                Map.of(
                                        "name",
                                        "Screened Shop",
                                        "forwardingNumber",
                                        "+14155550198",
                                        "callScreening",
                                        true))
                        .json()
                        .get("callScreening")
                        .asBoolean())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "2", "\"\"", "\"yes\"", "[true]", "{\"on\":true}"})
    void callScreeningIsAJsonTrueOrFalseAndNothingElse(String value) {
        String path = "/api/businesses/" + business;
        int entries = audit(owner).size();

        OwnerApiClient.Answer answer = api().patch(owner, path, "{\"callScreening\":" + value + "}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("field").asText()).isEqualTo("callScreening");
        assertThat(api().get(owner, path).json().get("callScreening").asBoolean())
                .isFalse();
        assertThat(audit(owner)).hasSize(entries);
    }

    @Test
    void theOwnerRunsTheTeamButTheLastOwnerStays() {
        String path = "/api/businesses/" + business + "/members";
        assertThat(api().post(owner, path, Map.of("subject", "dana", "role", "admin"))
                        .json()
                        .get("role")
                        .asText())
                .isEqualTo("ADMIN");
        assertThat(api().post(owner, path, Map.of("subject", "dana", "role", "agent"))
                        .json()
                        .get("role")
                        .asText())
                .isEqualTo("AGENT");
        assertThat(api().post(owner, path, Map.of("subject", "eve", "role", "janitor"))
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("role");
        assertThat(api().get(owner, path).json().findValuesAsText("subject"))
                .hasSize(2)
                .contains("dana");

        String ownerSubject =
                api().get(owner, path).json().get(0).get("subject").asText();
        OwnerApiClient.Answer removeLast = api().delete(owner, path + "/" + ownerSubject);
        assertThat(removeLast.status()).isEqualTo(409);
        assertThat(removeLast.json().get("message").asText()).contains("last owner");
        assertThat(api().post(owner, path, Map.of("subject", ownerSubject, "role", "admin"))
                        .status())
                .isEqualTo(409);

        api().post(owner, path, Map.of("subject", "dana", "role", "owner"));
        assertThat(api().delete(owner, path + "/" + ownerSubject).status()).isEqualTo(204);
        assertThat(api().get(owner, "/api/businesses/" + business).status()).isEqualTo(404);
        assertThat(api().get(IDP.token("dana"), path).json().findValuesAsText("subject"))
                .containsExactly("dana");
        assertThat(api().delete(IDP.token("dana"), path + "/nobody").status()).isEqualTo(404);
    }

    @Test
    void billingEndpointsStartCheckoutOpenThePortalAndShowUsage() {
        STRIPE.createsCustomer("cus_owner_api");
        STRIPE.createsCheckoutSession("https://checkout.stripe.com/c/pay/cs_owner");
        STRIPE.createsPortalSession("https://billing.stripe.com/p/session/owner");
        String billing = "/api/businesses/" + business + "/billing";

        assertThat(api().post(owner, billing + "/portal", Map.of()).status()).isEqualTo(409);
        assertThat(api().post(owner, billing + "/checkout", Map.of("plan", "free"))
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("plan");
        assertThat(api().post(owner, billing + "/checkout", Map.of("plan", "pro"))
                        .text("url"))
                .isEqualTo("https://checkout.stripe.com/c/pay/cs_owner");
        assertThat(STRIPE.posts("/v1/checkout/sessions")
                        .get(STRIPE.posts("/v1/checkout/sessions").size() - 1))
                .contains(
                        "success_url=https://callbacks.example.test/billing?checkout=success",
                        "line_items[0][price]=" + StripeFake.PRICE_PRO);
        assertThat(api().post(owner, billing + "/portal", Map.of()).text("url"))
                .isEqualTo("https://billing.stripe.com/p/session/owner");

        JsonNode usage =
                api().get(owner, "/api/businesses/" + business + "/usage").json();
        assertThat(usage.get("plan").asText()).isEqualTo("free");
        assertThat(usage.get("limit").asInt()).isZero();
        assertThat(usage.get("pauseReason").asText()).isEqualTo("billing_inactive");
        assertThat(usage.get("pauseSentence").asText()).contains("not active");
        assertThat(usage.get("periodStart").asText()).endsWith("Z");
    }

    @Test
    void everyPrivilegedChangeLeavesAnAuditRowNewestFirstAndPaginated() {
        String b = "/api/businesses/" + business;
        api().patch(owner, b, Map.of("name", "Acme Plumbing & Drains"));
        api().post(owner, b + "/members", Map.of("subject", "frank", "role", "agent"));
        api().post(owner, b + "/members", Map.of("subject", "frank", "role", "admin"));
        api().delete(owner, b + "/members/frank");
        String lead = OwnerLeads.insertLead(SERVICE, business, null, "NEW", java.time.Instant.now());
        api().patch(owner, b + "/leads/" + lead, Map.of("status", "booked"));
        STRIPE.createsCustomer("cus_audit");
        STRIPE.createsCheckoutSession("https://checkout.stripe.com/c/pay/cs_audit");
        STRIPE.createsPortalSession("https://billing.stripe.com/p/session/audit");
        api().post(owner, b + "/billing/checkout", Map.of("plan", "starter"));
        api().post(owner, b + "/billing/portal", Map.of());

        List<String> actions = new ArrayList<>();
        audit(owner).forEach(entry -> actions.add(entry.get("action").asText()));
        assertThat(actions)
                .containsExactly(
                        "billing.portal_opened",
                        "billing.checkout_started",
                        "lead.status_changed",
                        "member.removed",
                        "member.role_changed",
                        "member.added",
                        "business.settings_changed",
                        "business.created");
        JsonNode statusChange = audit(owner).get(2);
        assertThat(statusChange.get("target").asText()).isEqualTo(lead);
        assertThat(statusChange.get("changes").get("status").toString())
                .isEqualTo("{\"from\":\"NEW\",\"to\":\"BOOKED\"}");

        JsonNode firstPage = api().get(owner, b + "/audit?limit=3").json();
        assertThat(firstPage.get("entries")).hasSize(3);
        JsonNode secondPage = api().get(
                        owner,
                        b + "/audit?limit=3&before="
                                + firstPage.get("nextBefore").asLong())
                .json();
        assertThat(secondPage.get("entries").get(0).get("action").asText()).isEqualTo("member.removed");

        int updated = SERVICE.jdbi().withHandle(h -> {
            try {
                return h.execute("UPDATE audit_events SET actor = 'someone else'");
            } catch (RuntimeException e) {
                return -1;
            }
        });
        assertThat(updated).as("audit rows cannot be rewritten").isEqualTo(-1);
    }

    private JsonNode audit(String token) {
        return api().get(token, "/api/businesses/" + business + "/audit").json().get("entries");
    }

    private static OwnerApiClient api() {
        return SERVICE.owner();
    }
}
