package com.callbackcloser.api.resources;

import com.callbackcloser.api.representation.WebhookFailure;
import com.callbackcloser.api.twilio.Twiml;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** How every Twilio webhook answers; each answer says what was decided, so operators and tests need no logs. */
final class WebhookResponses {
    static final String DECISION_HEADER = "X-CallbackCloser-Decision";

    private WebhookResponses() {}

    static Response twiml(String twiml, String decision) {
        return Response.ok(twiml, Twiml.MEDIA_TYPE)
                .header(DECISION_HEADER, decision)
                .build();
    }

    /** Nothing was stored: 503, so Twilio's retry (or the caller) comes back later. */
    static Response retryLater(String error, String route) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(DECISION_HEADER, "error")
                .entity(new WebhookFailure(error, true, route))
                .build();
    }
}
