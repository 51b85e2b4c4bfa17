package com.callbackcloser.api.resources;

import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.twilio.TwilioForm;
import com.callbackcloser.api.twilio.TwilioWebhook;
import com.callbackcloser.api.twilio.Twiml;
import com.callbackcloser.api.twilio.WebhookUrls;
import com.callbackcloser.core.port.in.HandleScreenResultUseCase;
import com.callbackcloser.core.port.in.ScreenResult;
import com.callbackcloser.core.port.in.ScreenResultOutcome;
import com.callbackcloser.db.DatabaseErrors;
import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whisper's key press (its {@code <Gather action>}), made on the forwarded leg: the accepting key is recorded on
 * the caller's call ({@code ParentCallSid}) and the leg connected; anything else hangs the leg up.
 */
@Path(WebhookUrls.SCREEN_RESULT_PATH)
@TwilioWebhook
public final class TwilioScreenResultResource {
    private static final Logger LOG = LoggerFactory.getLogger("twilio.screen");

    private final HandleScreenResultUseCase screenResults;
    private final Decisions decisions;

    public TwilioScreenResultResource(HandleScreenResultUseCase screenResults, Decisions decisions) {
        this.screenResults = screenResults;
        this.decisions = decisions;
    }

    @POST
    @Timed
    @ExceptionMetered
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Twiml.MEDIA_TYPE)
    public Response keyPressed(@Context ContainerRequestContext request) {
        TwilioForm form = TwilioForm.of(request);
        String callSid = form.get("CallSid").orElseThrow(() -> new BadRequestException("missing CallSid"));
        ScreenResult result = new ScreenResult(form.getOrNull("ParentCallSid"), callSid, form.getOrNull("Digits"));
        ScreenResultOutcome outcome;
        try {
            outcome = screenResults.onScreenResult(result);
        } catch (RuntimeException e) {
            // A person pressed the key and is waiting: connect them. Without the record the Dial's result will count
            // the call as missed and the caller gets a text they did not need, which is the lesser harm than
            // dropping a call someone has just taken.
            LOG.error(
                    "event=twilio.screen callSid={} parentCallSid={} digits={} decision=connected_unrecorded "
                            + "error=\"{}\"",
                    callSid,
                    result.parentCallSid(),
                    result.digits(),
                    DatabaseErrors.describe(e),
                    DatabaseErrors.redacted(e));
            decisions.count("twilio.screen", "error");
            return WebhookResponses.twiml(result.accepted() ? Twiml.connect() : Twiml.hangUp(), "error");
        }
        LOG.info(
                "event=twilio.screen callSid={} parentCallSid={} digits={} decision={}",
                callSid,
                result.parentCallSid(),
                result.digits(),
                outcome.logName());
        decisions.count("twilio.screen", outcome.logName());
        return WebhookResponses.twiml(outcome.connects() ? Twiml.connect() : Twiml.hangUp(), outcome.logName());
    }
}
