package com.callbackcloser.api.resources.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request the owner API cannot read is refused, naming what is wrong: a query parameter that is not a number is a
 * 400 (not JAX-RS's 404, which reads as "no such business"), and a JSON field the API does not know, such as a typo,
 * is a 422 instead of being dropped without a word while the request "succeeds".
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OwnerRequestValidationIT {
    private static final JwtIssuer IDP = new JwtIssuer();
    private static final ServiceUnderTest SERVICE =
            ServiceUnderTest.withSignatures("auth.jwtIssuer", JwtIssuer.ISSUER, "auth.jwksUrl", IDP.jwksUrl());

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private String owner;
    private String business;

    @AfterAll
    static void stopIdp() {
        IDP.close();
    }

    @BeforeEach
    void aBusinessWithItsOwner() {
        owner = IDP.token("owner_" + System.nanoTime());
        business = api().post(
                        owner, "/api/businesses", Map.of("name", "Acme Plumbing", "forwardingNumber", "+14155550199"))
                .text("id");
    }

    @ParameterizedTest
    @CsvSource({
        "/leads?limit=abc, limit",
        "/leads?limit=1e3, limit",
        "/audit?limit=ten, limit",
        "/audit?before=yesterday, before",
        "/webhook-deliveries?limit=99999999999, limit"
    })
    void aQueryParameterThatIsNotANumberIs400NamingIt(String pathAndQuery, String parameter) {
        OwnerApiClient.Answer answer = api().get(owner, "/api/businesses/" + business + pathAndQuery);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asInt()).isEqualTo(400);
        assertThat(answer.text("field")).isEqualTo(parameter);
        assertThat(answer.text("message")).contains(parameter);
    }

    /** Every JSON body the owner API reads, each with a field it does not have. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POST  | /api/businesses                                  | {\"name\":\"A\",\"forwardingNumber\":\"+14155550199\",\"timezone\":\"America/Chicago\"} | timezone",
                "PATCH | /api/businesses/{b}                              | {\"timezone\":\"America/Chicago\"}                     | timezone",
                "PUT   | /api/businesses/{b}/hours                        | {\"weekly\":{},\"exception\":[]}                       | exception",
                "PUT   | /api/businesses/{b}/hours                        | {\"weekly\":{\"monday\":[{\"opens\":\"08:00\",\"close\":\"17:00\"}]}} | weekly.monday[0].close",
                "PUT   | /api/businesses/{b}/hours                        | {\"weekly\":{},\"exceptions\":[{\"day\":\"2026-12-25\"}]} | exceptions[0].day",
                "PUT   | /api/businesses/{b}/templates                    | {\"firstTxt\":\"Hi\"}                                  | firstTxt",
                "POST  | /api/businesses/{b}/members                      | {\"subject\":\"frank\",\"role\":\"agent\",\"email\":\"f@example.test\"} | email",
                "PATCH | /api/businesses/{b}/leads/{id}                   | {\"state\":\"won\"}                                    | state",
                "POST  | /api/businesses/{b}/phone-number                 | {\"area_code\":\"628\"}                                | area_code",
                "POST  | /api/businesses/{b}/phone-number/connect         | {\"phoneNumber\":\"+16285550100\"}                     | phoneNumber",
                "POST  | /api/businesses/{b}/billing/checkout             | {\"plan\":\"pro\",\"coupon\":\"FREE\"}                 | coupon",
                "POST  | /api/businesses/{b}/webhook-endpoints            | {\"url\":\"https://hooks.example.test/x\",\"event\":[\"lead.created\"]} | event",
                "POST  | /api/api-keys                                    | {\"name\":\"ci\",\"scopes\":[\"all\"]}                 | scopes"
            })
    void aJsonFieldTheApiDoesNotKnowIs422NamingIt(String method, String path, String body, String field) {
        OwnerApiClient.Answer answer = api().send(
                        owner,
                        method,
                        path.replace("{b}", business)
                                .replace("{id}", UUID.randomUUID().toString()),
                        body,
                        Map.of());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("code").asInt()).isEqualTo(422);
        assertThat(answer.text("field")).isEqualTo(field);
        assertThat(answer.text("message")).contains(field);
    }

    @Test
    void aTypoOfAKnownFieldIsAnsweredWithTheFieldItMeant() {
        OwnerApiClient.Answer answer =
                api().patch(owner, "/api/businesses/" + business, "{\"timezone\":\"America/Chicago\"}");

        assertThat(answer.text("message")).contains("timeZone");
        assertThat(api().get(owner, "/api/businesses/" + business).text("timeZone"))
                .isEqualTo("America/New_York");
    }

    @Test
    void knownFieldsAreStillAccepted() {
        OwnerApiClient.Answer answer =
                api().patch(owner, "/api/businesses/" + business, "{\"timeZone\":\"America/Chicago\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("timeZone")).isEqualTo("America/Chicago");
    }

    private static OwnerApiClient api() {
        return SERVICE.owner();
    }
}
