package com.callbackcloser.api.resources;

import static com.callbackcloser.api.testing.WebhookClient.encode;
import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.Eventually;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.api.testing.TwilioSignature;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * Every URL we hand Twilio carries its connection overrides, so a 5xx or a timeout from us is retried instead of
 * losing the call's result or the text. The fragment is Twilio's instruction to itself: it is never sent in the
 * request and is not part of the URL Twilio signs, so callbacks signed as Twilio signs them still authenticate.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConnectionOverridesIT {
    /** The default: three retries on a 5xx, a connect timeout or a read timeout, within Twilio's 15 s in all. */
    static final String OVERRIDES = "#rc=3&rp=5xx,ct,rt&ct=2000&rt=7000&tt=15000";

    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures();

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    @BeforeEach
    void twilioAcceptsTexts() {
        SERVICE.twilio.reset();
        SERVICE.twilio.acceptMessages();
    }

    @Test
    void everyUrlInTheVoiceAndWhisperTwimlCarriesTheOverrides() throws Exception {
        Business business = TestBusinesses.createWithCallScreening(SERVICE.transactions());
        String parent = "CA" + System.nanoTime();
        Element voice = twiml(SERVICE.webhooks()
                .post(
                        "/api/twilio/voice",
                        params("CallSid", parent, "From", "+14155550123", "To", business.twilioNumber()))
                .body());
        Element dial = (Element) voice.getElementsByTagName("Dial").item(0);
        Element number = (Element) dial.getElementsByTagName("Number").item(0);
        Element whisper = twiml(SERVICE.webhooks()
                .post(
                        "/api/twilio/screen",
                        params(
                                "CallSid",
                                "CA" + System.nanoTime(),
                                "ParentCallSid",
                                parent,
                                "Direction",
                                "outbound-dial",
                                "From",
                                business.twilioNumber(),
                                "To",
                                "+14155550199"))
                .body());
        Element gather = (Element) whisper.getElementsByTagName("Gather").item(0);

        assertThat(dial.getAttribute("action"))
                .isEqualTo(ServiceUnderTest.PUBLIC_URL + "/api/twilio/status" + OVERRIDES);
        assertThat(dial.getAttribute("recordingStatusCallback"))
                .isEqualTo(ServiceUnderTest.PUBLIC_URL + "/api/twilio/status" + OVERRIDES);
        assertThat(number.getAttribute("url"))
                .isEqualTo(ServiceUnderTest.PUBLIC_URL + "/api/twilio/screen" + OVERRIDES);
        assertThat(gather.getAttribute("action"))
                .isEqualTo(ServiceUnderTest.PUBLIC_URL + "/api/twilio/screen-result" + OVERRIDES);
    }

    @Test
    void theDialResultSignedAsTwilioSignsItsUrlIsAcceptedAndTheFragmentIsNoPartOfTheSignature() throws Exception {
        Business business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        String callSid = "CA" + System.nanoTime();
        Element dial = (Element) twiml(SERVICE.webhooks()
                        .post(
                                "/api/twilio/voice",
                                params("CallSid", callSid, "From", "+14155550123", "To", business.twilioNumber())))
                .getElementsByTagName("Dial")
                .item(0);
        String action = dial.getAttribute("action");
        Map<String, String> result = params(
                "AccountSid",
                TwilioFake.ACCOUNT_SID,
                "CallSid",
                callSid,
                "From",
                "+14155550123",
                "To",
                business.twilioNumber(),
                "DialCallStatus",
                "no-answer");

        // What Twilio requests and signs: the URL up to the fragment.
        String requested = action.substring(0, action.indexOf('#'));
        HttpResponse<String> signedWithTheFragment = SERVICE.webhooks()
                .postRaw(
                        pathAndQuery(requested),
                        encode(result),
                        Map.of("X-Twilio-Signature", TwilioSignature.sign(TwilioFake.AUTH_TOKEN, action, result)));
        HttpResponse<String> signedAsTwilioSigns = SERVICE.webhooks()
                .postRaw(
                        pathAndQuery(requested),
                        encode(result),
                        Map.of("X-Twilio-Signature", TwilioSignature.sign(TwilioFake.AUTH_TOKEN, requested, result)));

        assertThat(signedWithTheFragment.statusCode()).isEqualTo(401);
        assertThat(signedAsTwilioSigns.statusCode()).isEqualTo(200);
        assertThat(signedAsTwilioSigns.headers().firstValue("X-CallbackCloser-Decision"))
                .contains("text_queued");
    }

    @Test
    void aTextsStatusCallbackCarriesTheOverridesAndItsCallbackAuthenticates() {
        Business business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        SERVICE.webhooks()
                .post(
                        "/api/twilio/status",
                        params(
                                "CallSid",
                                "CA" + System.nanoTime(),
                                "From",
                                "+14155550123",
                                "To",
                                business.twilioNumber(),
                                "DialCallStatus",
                                "no-answer"));
        Eventually.within(
                Duration.ofSeconds(30),
                () -> assertThat(SERVICE.twilio.sentMessages())
                        .anySatisfy(sent -> assertThat(sent).containsEntry("From", business.twilioNumber())));
        String callback = SERVICE.twilio.sentMessages().stream()
                .filter(sent -> business.twilioNumber().equals(sent.get("From")))
                .findFirst()
                .orElseThrow()
                .get("StatusCallback");

        assertThat(callback)
                .startsWith(ServiceUnderTest.PUBLIC_URL + "/api/twilio/message-status?messageId=")
                .endsWith(OVERRIDES);
        String requested = callback.substring(0, callback.indexOf('#'));
        HttpResponse<String> delivered = SERVICE.webhooks()
                .post(pathAndQuery(requested), params("MessageSid", "SM" + System.nanoTime(), "MessageStatus", "sent"));
        assertThat(delivered.statusCode()).isEqualTo(200);
    }

    private static String pathAndQuery(String publicUrl) {
        return publicUrl.substring(ServiceUnderTest.PUBLIC_URL.length());
    }

    private static Element twiml(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return twiml(response.body());
    }

    private static Element twiml(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }
}
