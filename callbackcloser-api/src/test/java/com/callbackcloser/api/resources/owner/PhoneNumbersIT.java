package com.callbackcloser.api.resources.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Buying, connecting and re-syncing a business's Twilio number through twilio-java against the Twilio fake. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PhoneNumbersIT {
    private static final JwtIssuer IDP = new JwtIssuer();
    private static final ServiceUnderTest SERVICE =
            ServiceUnderTest.withSignatures("auth.jwtIssuer", JwtIssuer.ISSUER, "auth.jwksUrl", IDP.jwksUrl());

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final String URLS = "https://callbacks.example.test/api/twilio/";
    /** Twilio's connection overrides on every URL we give it: 5xx and timeouts are retried. */
    private static final String OVERRIDES = "#rc=3&rp=5xx,ct,rt&ct=2000&rt=7000&tt=15000";

    private static final AtomicInteger NUMBERS = new AtomicInteger(5000);

    private String owner;
    private String business;

    @AfterAll
    static void stopIdp() {
        IDP.close();
    }

    @BeforeEach
    void aBusinessWithoutANumber() {
        SERVICE.twilio.reset();
        owner = IDP.token("owner_" + System.nanoTime());
        business = api().post(
                        owner, "/api/businesses", Map.of("name", "Acme Plumbing", "forwardingNumber", "+14155550199"))
                .text("id");
    }

    @Test
    void buyingPicksAnAvailableLocalNumberPointsItsWebhooksHereAndAuditsIt() {
        String number = uniqueNumber();
        SERVICE.twilio.hasAvailableNumbers(number);
        SERVICE.twilio.sellsNumbers("PN11111111111111111111111111111111");

        OwnerApiClient.Answer answer = api().post(owner, path(""), Map.of("areaCode", "628"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("twilioNumber")).isEqualTo(number);
        assertThat(answer.text("twilioNumberSid")).isEqualTo("PN11111111111111111111111111111111");
        assertThat(SERVICE.twilio.numberPurchases())
                .singleElement()
                .satisfies(form -> assertThat(form)
                        .containsEntry("PhoneNumber", number)
                        .containsEntry("VoiceUrl", URLS + "voice" + OVERRIDES)
                        .containsEntry("VoiceMethod", "POST")
                        .containsEntry("SmsUrl", URLS + "sms" + OVERRIDES)
                        .containsEntry("SmsMethod", "POST")
                        .containsEntry("StatusCallback", URLS + "status" + OVERRIDES));
        assertThat(SERVICE.twilio.allRequests())
                .anySatisfy(request -> assertThat(request.getUrl())
                        .contains("/AvailablePhoneNumbers/US/Local.json")
                        .contains("AreaCode=628")
                        .contains("SmsEnabled=true")
                        .contains("VoiceEnabled=true"));
        assertThat(audit().get(0).get("action").asText()).isEqualTo("phone_number.bought");
    }

    @Test
    void aBusinessThatHasANumberCannotBuyAnother() {
        String number = uniqueNumber();
        SERVICE.twilio.hasAvailableNumbers(number);
        SERVICE.twilio.sellsNumbers("PN22222222222222222222222222222222");
        api().post(owner, path(""), Map.of());

        OwnerApiClient.Answer again = api().post(owner, path(""), Map.of());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).contains("already has a Twilio number");
        assertThat(SERVICE.twilio.numberPurchases()).hasSize(1);
    }

    @Test
    void twilioRefusingThePurchaseIsA502WithTwilioMessageAndNothingChanges() {
        SERVICE.twilio.hasAvailableNumbers(uniqueNumber());
        SERVICE.twilio.refusesNumberPurchases(400, 21422, "PhoneNumber is not available");
        OwnerApiClient.Answer refused = api().post(owner, path(""), Map.of());

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("message").asText()).contains("PhoneNumber is not available");

        SERVICE.twilio.refusesNumberPurchases(500, 20500, "Internal Server Error");
        assertThat(api().post(owner, path(""), Map.of()).status()).isEqualTo(502);
        assertThat(api().get(owner, "/api/businesses/" + business)
                        .json()
                        .get("twilioNumber")
                        .isNull())
                .isTrue();
    }

    @Test
    void aBadAreaCodeIs422() {
        OwnerApiClient.Answer answer = api().post(owner, path(""), Map.of("areaCode", "12"));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("field").asText()).isEqualTo("areaCode");
    }

    @Test
    void connectingByPnSidRepointsThatNumbersWebhooks() {
        String number = uniqueNumber();
        String sid = "PN" + UUID.randomUUID().toString().replace("-", "");
        SERVICE.twilio.hasAccountNumbers(Map.of(sid, number));

        OwnerApiClient.Answer answer = api().post(owner, path("/connect"), Map.of("phoneNumberSid", sid));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("twilioNumber")).isEqualTo(number);
        assertThat(SERVICE.twilio.numberUpdates(sid))
                .singleElement()
                .satisfies(form -> assertThat(form)
                        .containsEntry("VoiceUrl", URLS + "voice" + OVERRIDES)
                        .containsEntry("SmsUrl", URLS + "sms" + OVERRIDES));
    }

    @Test
    void connectingWithoutASidTakesTheFirstNumberNoBusinessUses() {
        String taken = uniqueNumber();
        String free = uniqueNumber();
        String takenSid = "PN" + UUID.randomUUID().toString().replace("-", "");
        String freeSid = "PN" + UUID.randomUUID().toString().replace("-", "");
        SERVICE.transactions().inTransaction(r -> {
            String other = api().post(
                            IDP.token("other_" + System.nanoTime()),
                            "/api/businesses",
                            Map.of("name", "Other Co", "forwardingNumber", "+14155550199"))
                    .text("id");
            r.businesses().attachTwilioNumber(UUID.fromString(other), taken, takenSid, Instant.now());
            return null;
        });
        Map<String, String> account = new LinkedHashMap<>();
        account.put(takenSid, taken);
        account.put(freeSid, free);
        SERVICE.twilio.hasAccountNumbers(account);

        OwnerApiClient.Answer answer = api().post(owner, path("/connect"), Map.of());

        assertThat(answer.text("twilioNumber")).isEqualTo(free);
        assertThat(SERVICE.twilio.numberUpdates(takenSid)).isEmpty();
    }

    @Test
    void syncRepointsTheWebhooksAndStampsTheTime() {
        String number = uniqueNumber();
        String sid = "PN" + UUID.randomUUID().toString().replace("-", "");
        SERVICE.twilio.hasAccountNumbers(Map.of(sid, number));
        assertThat(api().post(owner, path("/sync"), null).status()).isEqualTo(409);
        api().post(owner, path("/connect"), Map.of("phoneNumberSid", sid));

        assertThat(api().post(owner, path("/sync"), null).status()).isEqualTo(200);
        assertThat(SERVICE.twilio.numberUpdates(sid)).hasSize(2);
        assertThat(audit().get(0).get("action").asText()).isEqualTo("phone_number.webhooks_synced");
    }

    private JsonNode audit() {
        return api().get(owner, "/api/businesses/" + business + "/audit").json().get("entries");
    }

    private String path(String suffix) {
        return "/api/businesses/" + business + "/phone-number" + suffix;
    }

    private static String uniqueNumber() {
        return String.format("+1628555%04d", NUMBERS.incrementAndGet());
    }

    private static OwnerApiClient api() {
        return SERVICE.owner();
    }
}
