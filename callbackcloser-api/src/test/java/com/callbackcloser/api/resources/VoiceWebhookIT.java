package com.callbackcloser.api.resources;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

@ExtendWith(DropwizardExtensionsSupport.class)
class VoiceWebhookIT {
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures();

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final String STATUS_URL =
            "https://callbacks.example.test/api/twilio/status#rc=3&rp=5xx,ct,rt&ct=2000&rt=7000&tt=15000";

    @Test
    void incomingCallIsRecordedAndDialledToTheOwnerWithRecordingAndTheStatusCallback() throws Exception {
        Business business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        String callSid = "CA" + System.nanoTime();
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/voice",
                        params(
                                "AccountSid",
                                "AC1",
                                "CallSid",
                                callSid,
                                "CallStatus",
                                "ringing",
                                "Direction",
                                "inbound",
                                "From",
                                "+14155550123",
                                "To",
                                business.twilioNumber()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/xml");
        Element root = parse(response.body()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("Response");
        assertThat(elementChildren(root)).isEqualTo(1);
        Element dial = (Element) root.getElementsByTagName("Dial").item(0);
        assertThat(Map.of(
                        "timeout", dial.getAttribute("timeout"),
                        "action", dial.getAttribute("action"),
                        "method", dial.getAttribute("method"),
                        "callerId", dial.getAttribute("callerId"),
                        "record", dial.getAttribute("record"),
                        "recordingStatusCallback", dial.getAttribute("recordingStatusCallback"),
                        "recordingStatusCallbackMethod", dial.getAttribute("recordingStatusCallbackMethod"),
                        "recordingStatusCallbackEvent", dial.getAttribute("recordingStatusCallbackEvent")))
                .isEqualTo(Map.of(
                        "timeout", "20",
                        "action", STATUS_URL,
                        "method", "POST",
                        "callerId", business.twilioNumber(),
                        "record", "record-from-answer-dual",
                        "recordingStatusCallback", STATUS_URL,
                        "recordingStatusCallbackMethod", "POST",
                        "recordingStatusCallbackEvent", "completed"));
        assertThat(dial.getAttributes().getLength()).isEqualTo(8);
        assertThat(elementChildren(dial)).isEqualTo(1);
        Element number = (Element) dial.getElementsByTagName("Number").item(0);
        assertThat(number.getTextContent()).isEqualTo("+14155550199");

        Map<String, Object> call = SERVICE.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT status, business_id, from_number, to_number FROM calls WHERE call_sid = :sid")
                        .bind("sid", callSid)
                        .mapToMap()
                        .one());
        assertThat(call)
                .containsEntry("status", "RECEIVED")
                .containsEntry("business_id", business.id())
                .containsEntry("from_number", "+14155550123")
                .containsEntry("to_number", business.twilioNumber());
    }

    @Test
    void callToAnUnknownNumberHearsThatItIsNotConfigured() throws Exception {
        HttpResponse<String> response = SERVICE.webhooks()
                .post(
                        "/api/twilio/voice",
                        params("CallSid", "CA" + System.nanoTime(), "From", "+14155550123", "To", "+19995550100"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-CallbackCloser-Decision")).contains("not_configured");
        Element root = parse(response.body()).getDocumentElement();
        assertThat(root.getElementsByTagName("Say").item(0).getTextContent()).contains("not configured");
        assertThat(root.getElementsByTagName("Hangup").getLength()).isEqualTo(1);
        assertThat(root.getElementsByTagName("Dial").getLength()).isZero();
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static int elementChildren(Element element) {
        int count = 0;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                count++;
            }
        }
        return count;
    }
}
