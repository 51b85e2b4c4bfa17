package com.callbackcloser.api.views;

import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.Role;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Missed calls and texts for the dashboard's tests, arriving the way Twilio sends them (signed webhooks). */
final class DashboardFixtures {
    private DashboardFixtures() {}

    /** A call to the business nobody answered; returns its lead's id. */
    static String missedCall(ServiceUnderTest service, Business business, String caller) {
        return missedCall(service, business, caller, null);
    }

    /** The same, recorded: the Dial's result carries the recording, as Twilio's does with record-from-answer. */
    static String missedCall(ServiceUnderTest service, Business business, String caller, String recordingSid) {
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> form = params(
                "CallSid", callSid, "From", caller, "To", business.twilioNumber(), "DialCallStatus", "no-answer");
        if (recordingSid != null) {
            form.putAll(params(
                    "RecordingSid",
                    recordingSid,
                    "RecordingUrl",
                    TwilioFake.recordingUrl(recordingSid),
                    "RecordingStatus",
                    "completed",
                    "RecordingDuration",
                    "42"));
        }
        HttpResponse<String> response = service.webhooks().post("/api/twilio/status", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return service.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT l.id FROM leads l JOIN calls c ON c.id = l.call_id WHERE c.call_sid = :sid")
                        .bind("sid", callSid)
                        .mapTo(String.class)
                        .one());
    }

    /** A text from the caller to the business's number. */
    static HttpResponse<String> text(ServiceUnderTest service, Business business, String caller, String body) {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        return service.webhooks()
                .post(
                        "/api/twilio/sms",
                        params(
                                "MessageSid",
                                sid,
                                "AccountSid",
                                TwilioFake.ACCOUNT_SID,
                                "From",
                                caller,
                                "To",
                                business.twilioNumber(),
                                "Body",
                                body));
    }

    static void member(ServiceUnderTest service, Business business, String subject, Role role) {
        service.transactions().inTransaction(r -> r.members().put(business.id(), subject, role, Instant.now()));
    }
}
