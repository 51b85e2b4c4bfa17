package com.callbackcloser.api.resources;

import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.twilio.TwilioForm;
import com.callbackcloser.api.twilio.TwilioWebhook;
import com.callbackcloser.api.twilio.Twiml;
import com.callbackcloser.api.twilio.WebhookUrls;
import com.callbackcloser.core.port.in.ScreenCall;
import com.callbackcloser.core.port.in.ScreenCallUseCase;
import com.callbackcloser.core.port.in.ScreeningPrompt;
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
 * A screened forwarded leg was picked up (Twilio fetches the {@code <Number url>}): whoever answered hears whose
 * call it is and which key takes it. Twilio makes this request on the forwarded leg, so {@code CallSid} is that
 * leg's and {@code ParentCallSid} the caller's call.
 */
@Path(WebhookUrls.SCREEN_PATH)
@TwilioWebhook
public final class TwilioScreenResource {
    private static final Logger LOG = LoggerFactory.getLogger("twilio.screen");

    private final ScreenCallUseCase screening;
    private final WebhookUrls urls;
    private final Decisions decisions;

    public TwilioScreenResource(ScreenCallUseCase screening, WebhookUrls urls, Decisions decisions) {
        this.screening = screening;
        this.urls = urls;
        this.decisions = decisions;
    }

    @POST
    @Timed
    @ExceptionMetered
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(Twiml.MEDIA_TYPE)
    public Response whisper(@Context ContainerRequestContext request) {
        TwilioForm form = TwilioForm.of(request);
        String callSid = form.get("CallSid").orElseThrow(() -> new BadRequestException("missing CallSid"));
        String parentCallSid = form.getOrNull("ParentCallSid");
        ScreeningPrompt prompt;
        String decision;
        try {
            prompt = screening.onScreen(new ScreenCall(parentCallSid, callSid));
            decision = prompt.knowsBusiness() ? "whisper" : "whisper_unknown_call";
        } catch (RuntimeException e) {
            // Reading the business's name is a nicety: the whisper and its key press work without it.
            LOG.error(
                    "event=twilio.screen callSid={} parentCallSid={} decision=whisper_without_name error=\"{}\"",
                    callSid,
                    parentCallSid,
                    DatabaseErrors.describe(e),
                    DatabaseErrors.redacted(e));
            prompt = ScreeningPrompt.unknownCall();
            decision = "error";
        }
        LOG.info("event=twilio.screen callSid={} parentCallSid={} decision={}", callSid, parentCallSid, decision);
        decisions.count("twilio.screen", decision);
        return WebhookResponses.twiml(
                Twiml.whisper(prompt, urls.answering(request).screenResult()), decision);
    }
}
