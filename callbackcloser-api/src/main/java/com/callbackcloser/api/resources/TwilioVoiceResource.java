package com.callbackcloser.api.resources;

import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.twilio.RawPayload;
import com.callbackcloser.api.twilio.TwilioForm;
import com.callbackcloser.api.twilio.TwilioWebhook;
import com.callbackcloser.api.twilio.Twiml;
import com.callbackcloser.api.twilio.WebhookUrls;
import com.callbackcloser.core.port.in.HandleIncomingCallUseCase;
import com.callbackcloser.core.port.in.IncomingCall;
import com.callbackcloser.core.port.in.IncomingCallDecision;
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
 * A call rings a business's Twilio number: forward it to the owner. With the database down, forward it with the
 * settings last read ({@code forward_unrecorded}); only a number never read gets the apology.
 */
@Path(WebhookUrls.VOICE_PATH)
@TwilioWebhook
public final class TwilioVoiceResource {
    private static final Logger LOG = LoggerFactory.getLogger("twilio.voice");
    /** Forwarded from memory, not recorded: a retry of the request is not answered as a duplicate. */
    static final String FORWARD_UNRECORDED = "forward_unrecorded";

    private final HandleIncomingCallUseCase incomingCalls;
    private final WebhookUrls urls;
    private final RawPayload rawPayload;
    private final Decisions decisions;

    public TwilioVoiceResource(
            HandleIncomingCallUseCase incomingCalls, WebhookUrls urls, RawPayload rawPayload, Decisions decisions) {
        this.decisions = decisions;
        this.incomingCalls = incomingCalls;
        this.urls = urls;
        this.rawPayload = rawPayload;
    }

    @POST
    @Timed
    @ExceptionMetered
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Twiml.MEDIA_TYPE)
    public Response incomingCall(@Context ContainerRequestContext request) {
        TwilioForm form = TwilioForm.of(request);
        String callSid = form.get("CallSid").orElseThrow(() -> new BadRequestException("missing CallSid"));
        String to = form.get("To").orElseThrow(() -> new BadRequestException("missing To"));
        WebhookUrls answerUrls = urls.answering(request);
        try {
            IncomingCallDecision decision = incomingCalls.onIncomingCall(new IncomingCall(
                    callSid, form.getOrNull("ParentCallSid"), form.getOrNull("From"), to, rawPayload.json(form)));
            if (decision instanceof IncomingCallDecision.ForwardToOwner forward) {
                LOG.info(
                        "event=twilio.voice callSid={} decision=forward timeout={} screened={}",
                        callSid,
                        forward.timeoutSeconds(),
                        forward.screened());
                decisions.count("twilio.voice", "forward");
                return WebhookResponses.twiml(
                        Twiml.forward(forward, answerUrls.status(), answerUrls.screen()), "forward");
            }
            if (decision instanceof IncomingCallDecision.ForwardUnrecorded unrecorded) {
                // An error (the database is down) that the caller does not hear: alerted, and the call still rings.
                LOG.error(
                        "event=twilio.voice callSid={} decision=forward_unrecorded settingsAgeSeconds={} error=\"{}\"",
                        callSid,
                        unrecorded.settingsAge().toSeconds(),
                        unrecorded.failure().toString(),
                        unrecorded.failure());
                decisions.count("twilio.voice", FORWARD_UNRECORDED);
                return WebhookResponses.twiml(
                        Twiml.forward(unrecorded.forward(), answerUrls.status(), answerUrls.screen()),
                        FORWARD_UNRECORDED);
            }
            LOG.warn(
                    "event=twilio.voice callSid={} decision=not_configured reason=\"{}\"",
                    callSid,
                    ((IncomingCallDecision.NotConfigured) decision).reason());
            decisions.count("twilio.voice", "not_configured");
            return WebhookResponses.twiml(Twiml.notConfigured(), "not_configured");
        } catch (RuntimeException e) {
            LOG.error(
                    "event=twilio.voice callSid={} decision=apology error=\"{}\"",
                    callSid,
                    DatabaseErrors.describe(e),
                    DatabaseErrors.redacted(e));
            decisions.count("twilio.voice", "error");
            return WebhookResponses.twiml(Twiml.apology(), "error");
        }
    }
}
