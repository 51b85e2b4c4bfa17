package com.callbackcloser.api.resources.owner;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The leads of a business through the owner API: pages, one lead in full, its status, its recording. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OwnerLeadsIT {
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
    void aBusiness() {
        owner = IDP.token("owner_" + System.nanoTime());
        business = api().post(
                        owner, "/api/businesses", Map.of("name", "Acme Plumbing", "forwardingNumber", "+14155550199"))
                .text("id");
    }

    @Test
    void cursorPaginationOver120LeadsIsStableWhileNewLeadsArrive() {
        Instant start = Instant.parse("2026-11-20T12:00:00Z");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // Some share a timestamp: the id breaks the tie, so none is skipped or repeated.
            created.add(OwnerLeads.insertLead(SERVICE, business, null, "NEW", start.plusSeconds(i / 3)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path =
                    "/api/businesses/" + business + "/leads?limit=50" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = api().get(owner, path).json();
            page.get("leads").forEach(lead -> seen.add(lead.get("id").asText()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            // New leads between pages are newer than every cursor: they appear on a fresh first page only.
            OwnerLeads.insertLead(SERVICE, business, null, "NEW", Instant.now());
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(120).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(new HashSet<>(created));
        // Newest first: the last three created (same second) lead the first page, the first three end the last.
        assertThat(seen.subList(0, 3)).containsExactlyInAnyOrderElementsOf(created.subList(117, 120));
        assertThat(seen.subList(117, 120)).containsExactlyInAnyOrderElementsOf(created.subList(0, 3));
    }

    @Test
    void leadsCanBeFilteredByStatusAndBadQueriesAre422() {
        OwnerLeads.insertLead(SERVICE, business, null, "NEW", Instant.now());
        String booked = OwnerLeads.insertLead(SERVICE, business, null, "BOOKED", Instant.now());

        JsonNode page = api().get(owner, "/api/businesses/" + business + "/leads?status=booked")
                .json();
        assertThat(page.get("leads").findValuesAsText("id")).containsExactly(booked);
        assertThat(api().get(owner, "/api/businesses/" + business + "/leads?status=lost")
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("status");
        assertThat(api().get(owner, "/api/businesses/" + business + "/leads?limit=0")
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("limit");
        assertThat(api().get(owner, "/api/businesses/" + business + "/leads?cursor=garbage")
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("cursor");
    }

    @Test
    void aLeadInFullHasItsAnswersItsCallAndItsTranscriptOldestFirstAndTheListShowsTheLatestMessage() {
        String twilioNumber = "+16285550" + (100 + (int) (System.nanoTime() % 800));
        SERVICE.transactions().inTransaction(r -> {
            r.businesses()
                    .attachTwilioNumber(
                            UUID.fromString(business), twilioNumber, "PN" + UUID.randomUUID(), Instant.now());
            r.businesses()
                    .setManualSubscription(
                            UUID.fromString(business), SubscriptionStatus.ACTIVE, PlanTier.STARTER, Instant.now());
            return null;
        });
        SERVICE.twilio.acceptMessages();
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "CallSid",
                                callSid,
                                "From",
                                "+14155550123",
                                "To",
                                twilioNumber,
                                "DialCallStatus",
                                "no-answer",
                                "RecordingSid",
                                "RE" + callSid.substring(2),
                                "RecordingUrl",
                                "https://api.twilio.com/rec/RE1",
                                "RecordingDuration",
                                "9"));
        SERVICE.webhooks()
                .post(
                        "/api/twilio/sms",
                        params(
                                "MessageSid",
                                "SM" + UUID.randomUUID().toString().replace("-", ""),
                                "From",
                                "+14155550123",
                                "To",
                                twilioNumber,
                                "Body",
                                "2"));

        JsonNode list = api().get(owner, "/api/businesses/" + business + "/leads")
                .json()
                .get("leads");
        String leadId = list.get(0).get("id").asText();
        assertThat(list.get(0).get("latestMessage").get("body").asText()).startsWith("Got it: Install.");
        assertThat(list.get(0).get("answers").get("service").asText()).isEqualTo("Install");

        JsonNode detail = api().get(owner, "/api/businesses/" + business + "/leads/" + leadId)
                .json();
        assertThat(detail.get("lead").get("status").asText()).isEqualTo("QUALIFIED");
        assertThat(detail.get("lead").get("conversationState").asText()).isEqualTo("AWAITING_URGENCY");
        assertThat(detail.get("call").get("callSid").asText()).isEqualTo(callSid);
        assertThat(detail.get("call").get("missed").asBoolean()).isTrue();
        assertThat(detail.get("call").get("recording").get("durationSeconds").asInt())
                .isEqualTo(9);
        assertThat(detail.get("call").get("recording").has("url")).isFalse();
        assertThat(detail.get("transcript").findValuesAsText("direction"))
                .containsExactly("OUTBOUND", "INBOUND", "OUTBOUND");
        assertThat(detail.get("transcript").get(1).get("body").asText()).isEqualTo("2");

        JsonNode changed = api().patch(
                        owner, "/api/businesses/" + business + "/leads/" + leadId, Map.of("status", "contacted"))
                .json();
        assertThat(changed.get("lead").get("status").asText()).isEqualTo("CONTACTED");
        assertThat(api().patch(owner, "/api/businesses/" + business + "/leads/" + leadId, Map.of("status", "won"))
                        .json()
                        .get("field")
                        .asText())
                .isEqualTo("status");
    }

    @Test
    void theRecordingIsStreamedFromTwilioWithItsContentTypeAndWithoutTwilioCredentials() {
        byte[] mp3 = new byte[64 * 1024];
        for (int i = 0; i < mp3.length; i++) {
            mp3[i] = (byte) (i * 31);
        }
        String recordingSid = "RE" + UUID.randomUUID().toString().replace("-", "");
        SERVICE.twilio.hasRecording(recordingSid, mp3);
        String lead = OwnerLeads.insertLead(SERVICE, business, recordingSid, "NEW", Instant.now());
        String unrecorded = OwnerLeads.insertLead(SERVICE, business, null, "NEW", Instant.now());

        OwnerApiClient.Answer audio = api().get(owner, "/api/businesses/" + business + "/leads/" + lead + "/recording");

        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.raw().headers().firstValue("Content-Type")).contains("audio/mpeg");
        assertThat(audio.raw().body()).isEqualTo(mp3);
        assertThat(api().get(owner, "/api/businesses/" + business + "/leads/" + unrecorded + "/recording")
                        .status())
                .isEqualTo(404);
        assertThat(api().get(owner, "/api/businesses/" + business + "/leads/" + UUID.randomUUID() + "/recording")
                        .status())
                .isEqualTo(404);
    }

    private static OwnerApiClient api() {
        return SERVICE.owner();
    }
}
