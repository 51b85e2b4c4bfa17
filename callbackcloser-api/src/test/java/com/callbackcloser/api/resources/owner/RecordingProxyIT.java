package com.callbackcloser.api.resources.owner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.JwtIssuer;
import com.callbackcloser.api.testing.OwnerApiClient;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The recording proxy holds the Twilio account's credentials: it fetches only Twilio's media URL for the
 * recording's SID, never what a callback stored, never hands the credentials to another host, and streams audio
 * only.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RecordingProxyIT {
    private static final JwtIssuer IDP = new JwtIssuer();
    private static final ServiceUnderTest SERVICE =
            ServiceUnderTest.withSignatures("auth.jwtIssuer", JwtIssuer.ISSUER, "auth.jwksUrl", IDP.jwksUrl());
    /** Somewhere that is not Twilio: it records every request it gets. */
    private static final WireMockServer ELSEWHERE = startElsewhere();

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final byte[] TWILIO_AUDIO = "ID3 the real recording".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ELSEWHERE_AUDIO = "ID3 audio from elsewhere".getBytes(StandardCharsets.UTF_8);

    private String owner;
    private String business;

    @AfterAll
    static void stopFakes() {
        IDP.close();
        ELSEWHERE.stop();
    }

    private static WireMockServer startElsewhere() {
        WireMockServer server =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @BeforeEach
    void aBusinessAndAnEndpointElsewhere() {
        ELSEWHERE.resetAll();
        ELSEWHERE.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "audio/mpeg")
                        .withBody(ELSEWHERE_AUDIO)));
        owner = IDP.token("owner_" + System.nanoTime());
        business = SERVICE.owner()
                .post(owner, "/api/businesses", Map.of("name", "Acme Plumbing", "forwardingNumber", "+14155550199"))
                .text("id");
    }

    @Test
    void theStoredRecordingUrlIsNeverFetchedOnlyTwiliosMediaUrlForTheSid() {
        String sid = newRecordingSid();
        SERVICE.twilio.hasRecording(sid, TWILIO_AUDIO);
        String lead = lead(sid, elsewhere("/2010-04-01/Accounts/" + TwilioFake.ACCOUNT_SID + "/Recordings/" + sid));

        OwnerApiClient.Answer audio = recording(lead);

        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.raw().body()).isEqualTo(TWILIO_AUDIO);
        assertThat(ELSEWHERE.findAll(anyRequestedFor(anyUrl())))
                .as("requests to the stored RecordingUrl's host")
                .isEmpty();
    }

    @Test
    void aRecordingUrlPointingAtTheAdminPortDoesNotStreamItsMetrics() {
        String sid = newRecordingSid();
        SERVICE.twilio.hasRecording(sid, TWILIO_AUDIO);
        // ".mp3" would be appended to the query string, so the admin port answers /metrics itself.
        String lead = lead(sid, "http://127.0.0.1:" + SERVICE.app.getAdminPort() + "/metrics?pretty=true&x=");

        OwnerApiClient.Answer audio = recording(lead);

        assertThat(new String(audio.raw().body(), StandardCharsets.UTF_8)).doesNotContain("gauges");
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.raw().body()).isEqualTo(TWILIO_AUDIO);
    }

    @Test
    void aRedirectFromTwilioIsFollowedWithoutTheAccountCredentials() {
        String sid = newRecordingSid();
        SERVICE.twilio.redirectsRecording(sid, elsewhere("/signed/" + sid + ".mp3?Expires=1"));
        String lead = lead(sid, TwilioFake.recordingUrl(sid));

        OwnerApiClient.Answer audio = recording(lead);

        List<LoggedRequest> atTwilio = SERVICE.twilio.recordingRequests(sid);
        assertThat(atTwilio).hasSize(1);
        assertThat(atTwilio.get(0).getHeader("Authorization")).startsWith("Basic ");
        List<LoggedRequest> redirected = ELSEWHERE.findAll(anyRequestedFor(anyUrl()));
        assertThat(redirected)
                .as("the redirect's target never gets the account's credentials")
                .allSatisfy(request ->
                        assertThat(request.containsHeader("Authorization")).isFalse());
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.raw().body()).isEqualTo(ELSEWHERE_AUDIO);
    }

    @Test
    void anAnswerThatIsNotAudioIsNotStreamed() {
        for (String type : List.of("text/plain; version=0.0.4", "application/json", "text/html")) {
            String sid = newRecordingSid();
            SERVICE.twilio.servesAsRecording(sid, type, "callbackcloser_outbox_queued 3 internal-only");
            String lead = lead(sid, TwilioFake.recordingUrl(sid));

            OwnerApiClient.Answer answer = recording(lead);

            assertThat(answer.status()).as(type).isEqualTo(502);
            assertThat(new String(answer.raw().body(), StandardCharsets.UTF_8))
                    .as(type)
                    .doesNotContain("internal-only");
        }
    }

    @Test
    void aRedirectToSomethingThatIsNotAudioIsNotStreamed() {
        ELSEWHERE.resetAll();
        ELSEWHERE.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"internal\":\"internal-only\"}")));
        String sid = newRecordingSid();
        SERVICE.twilio.redirectsRecording(sid, elsewhere("/latest/meta-data/"));
        String lead = lead(sid, TwilioFake.recordingUrl(sid));

        OwnerApiClient.Answer answer = recording(lead);

        assertThat(answer.status()).isEqualTo(502);
        assertThat(new String(answer.raw().body(), StandardCharsets.UTF_8)).doesNotContain("internal-only");
    }

    @Test
    void aRecordingSidOfTheWrongShapeIsNeverFetched() {
        long twilioRequestsBefore = SERVICE.twilio.allRequests().size();
        for (String sid : List.of(
                "REa1",
                "RE../../Messages",
                "RE0123456789abcdef0123456789abcdeg",
                "CA0123456789abcdef0123456789abcdef",
                "RE0123456789abcdef0123456789abcdef0")) {
            String lead = lead(sid, elsewhere("/recording"));

            OwnerApiClient.Answer answer = recording(lead);

            assertThat(answer.status()).as(sid).isEqualTo(404);
        }
        assertThat(ELSEWHERE.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(SERVICE.twilio.allRequests()).hasSize((int) twilioRequestsBefore);
    }

    private String lead(String recordingSid, String recordingUrl) {
        return OwnerLeads.insertLead(SERVICE, business, recordingSid, recordingUrl, "NEW", Instant.now());
    }

    private OwnerApiClient.Answer recording(String lead) {
        return SERVICE.owner().get(owner, "/api/businesses/" + business + "/leads/" + lead + "/recording");
    }

    private static String elsewhere(String path) {
        return "http://127.0.0.1:" + ELSEWHERE.port() + path;
    }

    private static String newRecordingSid() {
        return "RE" + UUID.randomUUID().toString().replace("-", "");
    }
}
