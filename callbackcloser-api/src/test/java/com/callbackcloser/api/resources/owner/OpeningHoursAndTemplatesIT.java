package com.callbackcloser.api.resources.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The owner API for opening hours and text templates: read, replace, validate, audit. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpeningHoursAndTemplatesIT {
    private static final JwtIssuer IDP = new JwtIssuer();
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures(
            "auth.jwtIssuer", JwtIssuer.ISSUER, "auth.jwksUrl", IDP.jwksUrl(), "outbox.enabled", "false");

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final Map<String, String> EIGHT_TO_FIVE = Map.of("opens", "08:00", "closes", "17:00");

    private String owner;
    private String business;

    @AfterAll
    static void stopFakes() {
        IDP.close();
    }

    @BeforeEach
    void aBusinessWithItsOwner() {
        owner = IDP.token("owner_" + System.nanoTime());
        // The first token makes the service fetch the JWKS, with Nimbus's 500 ms timeouts: on a machine busy with
        // parallel builds that first fetch can time out (a 401), and the next request fetches again.
        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(api().get(owner, "/api/businesses").status()).isEqualTo(200));
        business = api().post(
                        owner, "/api/businesses", Map.of("name", "Acme Plumbing", "forwardingNumber", "(415) 555-0199"))
                .text("id");
    }

    @Test
    void withoutHoursABusinessIsAlwaysOpen() {
        JsonNode hours = api().get(owner, hoursPath()).json();

        assertThat(hours.get("configured").asBoolean()).isFalse();
        assertThat(hours.get("openNow").asBoolean()).isTrue();
        assertThat(hours.get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(hours.get("weekly").isNull()).isTrue();
    }

    @Test
    void hoursAreReplacedReadBackAuditedAndRemoved() {
        Map<String, Object> body = Map.of(
                "weekly",
                Map.of(
                        "monday", List.of(EIGHT_TO_FIVE),
                        "Tuesday",
                                List.of(
                                        Map.of("opens", "13:00", "closes", "24:00"),
                                        Map.of("opens", "00:00", "closes", "12:00")),
                        "saturday", List.of()),
                "exceptions",
                List.of(
                        Map.of("date", "2026-12-25", "hours", List.of()),
                        Map.of("date", "2026-12-24", "hours", List.of(Map.of("opens", "08:00", "closes", "12:00")))));

        OwnerApiClient.Answer answer =
                api().send(owner, "PUT", hoursPath(), body, Map.of("X-Correlation-Id", "corr-hours-1"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode stored = api().get(owner, hoursPath()).json();
        assertThat(stored.get("configured").asBoolean()).isTrue();
        assertThat(stored.get("weekly").get("monday").toString())
                .isEqualTo("[{\"opens\":\"08:00\",\"closes\":\"17:00\"}]");
        assertThat(stored.get("weekly").get("tuesday").toString())
                .isEqualTo("[{\"opens\":\"00:00\",\"closes\":\"12:00\"},{\"opens\":\"13:00\",\"closes\":\"24:00\"}]");
        assertThat(stored.get("weekly").get("sunday").toString()).isEqualTo("[]");
        assertThat(stored.get("exceptions").toString())
                .isEqualTo("[{\"date\":\"2026-12-24\",\"hours\":[{\"opens\":\"08:00\",\"closes\":\"12:00\"}]},"
                        + "{\"date\":\"2026-12-25\",\"hours\":[]}]");
        JsonNode entry = audit().get(0);
        assertThat(entry.get("action").asText()).isEqualTo("business.hours_changed");
        assertThat(entry.get("correlationId").asText()).isEqualTo("corr-hours-1");
        assertThat(entry.get("changes").get("hours").get("from").asText()).isEqualTo("always open");
        assertThat(entry.get("changes").get("hours").get("to").asText())
                .isEqualTo("monday 08:00-17:00; tuesday 00:00-12:00, 13:00-24:00; "
                        + "2026-12-24 08:00-12:00; 2026-12-25 closed");

        api().send(owner, "PUT", hoursPath(), body, Map.of());
        assertThat(audit()).hasSize(2); // the same hours again change nothing

        OwnerApiClient.Answer removed = api().delete(owner, hoursPath());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("configured").asBoolean()).isFalse();
        assertThat(audit().get(0).get("changes").get("hours").get("to").asText())
                .isEqualTo("always open");
    }

    @Test
    void badHoursAre422NamingTheFieldAndChangeNothing() {
        Map<String, Object> overlapping =
                Map.of("weekly", Map.of("monday", List.of(EIGHT_TO_FIVE, Map.of("opens", "16:00", "closes", "18:00"))));
        Map<String, Object> notADate =
                Map.of("weekly", Map.of(), "exceptions", List.of(Map.of("date", "2026-02-30", "hours", List.of())));
        Map<String, Object> twice = Map.of(
                "weekly",
                Map.of(),
                "exceptions",
                List.of(Map.of("date", "2026-12-25", "hours", List.of()), Map.of("date", "2026-12-25")));
        Map<String, Object> lateClose =
                Map.of("weekly", Map.of("friday", List.of(Map.of("opens", "08:00", "closes", "24:30"))));
        Map<String, Object> backwards =
                Map.of("weekly", Map.of("friday", List.of(Map.of("opens", "17:00", "closes", "08:00"))));
        Map<String, Object> funday = Map.of("weekly", Map.of("funday", List.of(EIGHT_TO_FIVE)));
        Map<String, Object> noWeekly = new HashMap<>();
        noWeekly.put("exceptions", List.of());

        for (Map<String, Object> bad : List.of(overlapping, lateClose, backwards, funday, noWeekly)) {
            assertThat(api().send(owner, "PUT", hoursPath(), bad, Map.of())
                            .json()
                            .get("field")
                            .asText())
                    .as(bad.toString())
                    .isEqualTo("weekly");
        }
        for (Map<String, Object> bad : List.of(notADate, twice)) {
            OwnerApiClient.Answer answer = api().send(owner, "PUT", hoursPath(), bad, Map.of());
            assertThat(answer.status()).as(bad.toString()).isEqualTo(422);
            assertThat(answer.json().get("field").asText()).isEqualTo("exceptions");
        }
        assertThat(api().send(owner, "PUT", hoursPath(), "{\"weekly\":[]}", Map.of())
                        .status())
                .isEqualTo(400);
        assertThat(api().get(owner, hoursPath()).json().get("configured").asBoolean())
                .isFalse();
        assertThat(audit()).hasSize(1); // business.created only
    }

    @Test
    void anAgentReadsHoursAndTemplatesButDoesNotChangeThem() {
        String agent = "agent_" + System.nanoTime();
        api().post(owner, "/api/businesses/" + business + "/members", Map.of("subject", agent, "role", "agent"));
        String token = IDP.token(agent);

        assertThat(api().get(token, hoursPath()).status()).isEqualTo(200);
        assertThat(api().get(token, templatesPath()).status()).isEqualTo(200);
        assertThat(api().send(token, "PUT", hoursPath(), Map.of("weekly", Map.of()), Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(api().send(token, "PUT", templatesPath(), Map.of(), Map.of()).status())
                .isEqualTo(403);
        assertThat(api().get(IDP.token("stranger_" + System.nanoTime()), hoursPath())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void unsetTemplatesShowTheBuiltInTextsWithTheirSegments() {
        JsonNode templates = api().get(owner, templatesPath()).json();

        assertThat(templates.get("placeholders").toString()).isEqualTo("[\"{business}\",\"{services}\"]");
        JsonNode first = templates.get("firstText");
        assertThat(first.get("builtIn").asBoolean()).isTrue();
        assertThat(first.get("template").isNull()).isTrue();
        assertThat(first.get("text").asText())
                .isEqualTo("Sorry we missed your call - Acme Plumbing here. What do you need? Reply 1 Repair, "
                        + "2 Install, 3 Maintenance, or describe it. Reply STOP to opt out.");
        assertThat(first.get("encoding").asText()).isEqualTo("GSM-7");
        assertThat(first.get("segments").asInt()).isEqualTo(1);
        assertThat(templates.get("afterHoursText").get("text").asText()).startsWith("Acme Plumbing is closed now");
        assertThat(templates.get("completionText").get("text").asText())
                .isEqualTo("Thanks! Acme Plumbing has your request and will call you back soon.");
    }

    @Test
    void templatesAreRenderedCountedInSegmentsAndAudited() {
        String afterHours =
                "{business} is closed 🌙 We'll call you first thing. Reply {services}. Reply STOP to opt out.";
        OwnerApiClient.Answer answer = api().send(
                        owner,
                        "PUT",
                        templatesPath(),
                        Map.of(
                                "firstText", "Hi, {business} here! Reply {services} or describe it. STOP to opt out.",
                                "afterHoursText", afterHours,
                                "completionText", "Thanks - {business} will call you back. Reply STOP to opt out."),
                        Map.of());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode first = answer.json().get("firstText");
        assertThat(first.get("builtIn").asBoolean()).isFalse();
        assertThat(first.get("text").asText())
                .isEqualTo("Hi, Acme Plumbing here! Reply 1 Repair, 2 Install, 3 Maintenance or describe it. STOP to "
                        + "opt out.");
        assertThat(first.get("encoding").asText()).isEqualTo("GSM-7");
        assertThat(first.get("characters").asInt())
                .isEqualTo(first.get("text").asText().length());
        assertThat(first.get("segments").asInt()).isEqualTo(1);
        JsonNode night = answer.json().get("afterHoursText");
        assertThat(night.get("template").asText()).isEqualTo(afterHours);
        assertThat(night.get("encoding").asText()).isEqualTo("UCS-2");
        assertThat(night.get("characters").asInt())
                .isEqualTo(night.get("text").asText().length());
        assertThat(night.get("segments").asInt()).isEqualTo(2); // over 70 UCS-2 units: parts of 67
        assertThat(api().get(owner, templatesPath()).json()).isEqualTo(answer.json());
        JsonNode entry = audit().get(0);
        assertThat(entry.get("action").asText()).isEqualTo("business.templates_changed");
        assertThat(entry.get("changes").get("afterHoursText").get("to").asText())
                .isEqualTo(afterHours);
        assertThat(entry.get("changes").get("firstText").get("from").isNull()).isTrue();

        OwnerApiClient.Answer reset = api().send(owner, "PUT", templatesPath(), Map.of(), Map.of());
        assertThat(reset.json().get("firstText").get("builtIn").asBoolean()).isTrue();
        assertThat(audit().get(0).get("changes").get("completionText").get("to").isNull())
                .isTrue();
    }

    @Test
    void badTemplatesAre422NamingTheTemplateAndChangeNothing() {
        Map<String, Map<String, String>> refusals = Map.of(
                "unknown placeholder",
                Map.of("completionText", "Thanks {name}!"),
                "no STOP on a first text",
                Map.of("firstText", "Sorry we missed you - {business}. What do you need?"),
                "no STOP on the after-hours text",
                Map.of("afterHoursText", "We're closed. Reply stop to opt out."),
                "four UCS-2 segments",
                Map.of("completionText", "’".repeat(250)),
                "four GSM-7 segments",
                Map.of("firstText", "{business} ".repeat(36) + "Reply STOP to opt out."));

        refusals.forEach((why, body) -> {
            OwnerApiClient.Answer answer = api().send(owner, "PUT", templatesPath(), body, Map.of());
            assertThat(answer.status()).as(why).isEqualTo(422);
            assertThat(answer.json().get("field").asText())
                    .as(why)
                    .isEqualTo(body.keySet().iterator().next());
        });
        assertThat(api().send(owner, "PUT", templatesPath(), Map.of("completionText", "’".repeat(250)), Map.of())
                        .json()
                        .get("message")
                        .asText())
                .contains("4 SMS segments", "UCS_2");
        assertThat(api().get(owner, templatesPath())
                        .json()
                        .get("firstText")
                        .get("builtIn")
                        .asBoolean())
                .isTrue();
        assertThat(audit()).hasSize(1);
    }

    private String hoursPath() {
        return "/api/businesses/" + business + "/hours";
    }

    private String templatesPath() {
        return "/api/businesses/" + business + "/templates";
    }

    private JsonNode audit() {
        return api().get(owner, "/api/businesses/" + business + "/audit").json().get("entries");
    }

    private static OwnerApiClient api() {
        return SERVICE.owner();
    }
}
