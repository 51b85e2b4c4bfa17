package com.callbackcloser.api.resources.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Concurrently;
import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

    @BeforeAll
    static void tokensAreAccepted() {
        // The first JWKS fetch of a cold JVM on a busy machine can outlast nimbus's half-second timeout.
        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(api().get(IDP.token("warm_up"), "/api/businesses")
                                .status())
                        .isEqualTo(200));
    }

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
    void connectingANumberAnotherBusinessHoldsIs409AndWritesNothingToTwilio() {
        String number = uniqueNumber();
        String sid = newSid();
        String other = otherBusiness();
        SERVICE.transactions().inTransaction(r -> {
            r.businesses().attachTwilioNumber(UUID.fromString(other), number, sid, Instant.now());
            return null;
        });
        SERVICE.twilio.hasAccountNumbers(Map.of(sid, number));

        OwnerApiClient.Answer answer = api().post(owner, path("/connect"), Map.of("phoneNumberSid", sid));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("message").asText()).contains(number).contains("another business");
        assertThat(twilioNumberWrites()).as("no POST to IncomingPhoneNumbers").isEmpty();
        assertThat(api().get(owner, "/api/businesses/" + business)
                        .json()
                        .get("twilioNumber")
                        .isNull())
                .isTrue();
        assertThat(audit().findValuesAsText("action")).doesNotContain("phone_number.connected");
    }

    @Test
    void twoBusinessesConnectingOneNumberAtOnceOneWinsAndTheLoserChangesNothingAtTwilio() throws Exception {
        for (int round = 0; round < 3; round++) {
            SERVICE.twilio.reset();
            String number = uniqueNumber();
            String sid = newSid();
            SERVICE.twilio.hasAccountNumbers(Map.of(sid, number));
            String ownerA = IDP.token("owner_a_" + System.nanoTime());
            String ownerB = IDP.token("owner_b_" + System.nanoTime());
            String businessA = createBusiness(ownerA, "Alpha Plumbing");
            String businessB = createBusiness(ownerB, "Bravo Heating");

            List<OwnerApiClient.Answer> answers = Concurrently.run(List.of(
                    () -> api().post(
                                    ownerA,
                                    "/api/businesses/" + businessA + "/phone-number/connect",
                                    Map.of("phoneNumberSid", sid)),
                    () -> api().post(
                                    ownerB,
                                    "/api/businesses/" + businessB + "/phone-number/connect",
                                    Map.of("phoneNumberSid", sid))));

            assertThat(answers)
                    .extracting(OwnerApiClient.Answer::status)
                    .as("round " + round)
                    .containsExactlyInAnyOrder(200, 409);
            String winner = answers.get(0).status() == 200 ? businessA : businessB;
            String winnerOwner = winner.equals(businessA) ? ownerA : ownerB;
            assertThat(api().get(winnerOwner, "/api/businesses/" + winner).text("twilioNumber"))
                    .isEqualTo(number);
            assertThat(twilioNumberWrites())
                    .as("round " + round + ": only the winner re-pointed the number")
                    .hasSize(1);
            assertThat(SERVICE.twilio.numberUpdates(sid)).hasSize(1);
        }
    }

    @Test
    void whenTwilioRefusesTheWebhookChangeTheClaimIsReleasedAndTheNumberIsFreeAgain() {
        String number = uniqueNumber();
        String sid = newSid();
        SERVICE.twilio.hasAccountNumbers(Map.of(sid, number));
        SERVICE.twilio.refusesNumberUpdates(sid, 500, 20500, "Internal Server Error");

        OwnerApiClient.Answer refused = api().post(owner, path("/connect"), Map.of("phoneNumberSid", sid));

        assertThat(refused.status()).isEqualTo(502);
        assertThat(api().get(owner, "/api/businesses/" + business)
                        .json()
                        .get("twilioNumber")
                        .isNull())
                .isTrue();
        SERVICE.twilio.hasAccountNumbers(Map.of(sid, number)); // Twilio accepts updates again
        String otherOwner = IDP.token("other_" + System.nanoTime());
        String other = createBusiness(otherOwner, "Other Co");
        assertThat(api().post(
                                otherOwner,
                                "/api/businesses/" + other + "/phone-number/connect",
                                Map.of("phoneNumberSid", sid))
                        .status())
                .isEqualTo(200);
    }

    /**
     * The claim commits before Twilio is changed. If the database fails after Twilio's update, the business
     * already holds the number and its calls already reach us; only the sync stamp and the audit entry are
     * missing, and connecting the same number again finishes the job.
     */
    @Test
    void connectingTheNumberOneAlreadyClaimedFinishesAnInterruptedConnect() {
        String number = uniqueNumber();
        String sid = newSid();
        SERVICE.twilio.hasAccountNumbers(Map.of(sid, number));
        SERVICE.jdbi()
                .useHandle(h -> h.createUpdate(
                                "UPDATE businesses SET twilio_number = :n, twilio_number_sid = :s WHERE id = :id")
                        .bind("n", number)
                        .bind("s", sid)
                        .bind("id", UUID.fromString(business))
                        .execute());

        OwnerApiClient.Answer answer = api().post(owner, path("/connect"), Map.of("phoneNumberSid", sid));

        assertThat(answer.status()).as(String.valueOf(answer.json())).isEqualTo(200);
        assertThat(answer.text("twilioNumber")).isEqualTo(number);
        Boolean synced = SERVICE.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT twilio_webhooks_synced_at IS NOT NULL FROM businesses WHERE id = :id")
                        .bind("id", UUID.fromString(business))
                        .mapTo(Boolean.class)
                        .one());
        assertThat(synced).isTrue();
        assertThat(SERVICE.twilio.numberUpdates(sid)).hasSize(1);
        assertThat(audit().get(0).get("action").asText()).isEqualTo("phone_number.connected");
        String another = newSid();
        SERVICE.twilio.hasAccountNumbers(Map.of(another, uniqueNumber()));
        assertThat(api().post(owner, path("/connect"), Map.of("phoneNumberSid", another))
                        .status())
                .as("a different number is still refused")
                .isEqualTo(409);
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

    /** Every change the service asked of Twilio's IncomingPhoneNumbers resource (buying or updating a number). */
    private static List<LoggedRequest> twilioNumberWrites() {
        return SERVICE.twilio.allRequests().stream()
                .filter(request -> RequestMethod.POST.equals(request.getMethod()))
                .filter(request -> request.getUrl().contains("/IncomingPhoneNumbers"))
                .toList();
    }

    private static String createBusiness(String token, String name) {
        OwnerApiClient.Answer created =
                api().post(token, "/api/businesses", Map.of("name", name, "forwardingNumber", "+14155550199"));
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    private static String otherBusiness() {
        return createBusiness(IDP.token("other_" + System.nanoTime()), "Other Co");
    }

    private static String newSid() {
        return "PN" + UUID.randomUUID().toString().replace("-", "");
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
