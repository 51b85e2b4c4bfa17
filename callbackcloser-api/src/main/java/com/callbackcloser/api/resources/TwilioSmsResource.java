package com.callbackcloser.api.resources;

import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.twilio.RawPayload;
import com.callbackcloser.api.twilio.TwilioForm;
import com.callbackcloser.api.twilio.TwilioWebhook;
import com.callbackcloser.api.twilio.Twiml;
import com.callbackcloser.api.twilio.WebhookUrls;
import com.callbackcloser.core.port.in.HandleInboundSmsUseCase;
import com.callbackcloser.core.port.in.InboundSms;
import com.callbackcloser.core.port.in.InboundSmsResult;
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

/** A text to a business's number: compliance keywords answered inline, conversation replies via the outbox. */
@Path(WebhookUrls.SMS_PATH)
@TwilioWebhook
public final class TwilioSmsResource {
    private static final Logger LOG = LoggerFactory.getLogger("twilio.sms");

    private final HandleInboundSmsUseCase inboundSms;
    private final RawPayload rawPayload;
    private final Decisions decisions;

    public TwilioSmsResource(HandleInboundSmsUseCase inboundSms, RawPayload rawPayload, Decisions decisions) {
        this.decisions = decisions;
        this.inboundSms = inboundSms;
        this.rawPayload = rawPayload;
    }

    @POST
    @Timed
    @ExceptionMetered
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({Twiml.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response inboundSms(@Context ContainerRequestContext request) {
        TwilioForm form = TwilioForm.of(request);
        String messageSid = form.get("MessageSid")
                .or(() -> form.get("SmsSid"))
                .orElseThrow(() -> new BadRequestException("missing MessageSid"));
        String from = form.get("From").orElseThrow(() -> new BadRequestException("missing From"));
        String to = form.get("To").orElseThrow(() -> new BadRequestException("missing To"));
        // The body is taken as sent: no trimming, so what the caller wrote is what is stored.
        String body = form.asMap().getOrDefault("Body", "");
        InboundSmsResult result;
        try {
            result = inboundSms.onInboundSms(new InboundSms(messageSid, from, to, body, rawPayload.json(form)));
        } catch (RuntimeException e) {
            LOG.error(
                    "event=twilio.sms messageSid={} decision=retry error=\"{}\"",
                    messageSid,
                    DatabaseErrors.describe(e),
                    DatabaseErrors.redacted(e));
            decisions.count("twilio.sms", "error");
            return WebhookResponses.retryLater("could not record the message; retry", WebhookUrls.SMS_PATH);
        }
        String decision = result.outcome().logName();
        decisions.count("twilio.sms", decision);
        LOG.info("event=twilio.sms messageSid={} decision={} leadId={}", messageSid, decision, result.leadId());
        String twiml = result.inlineReply().map(Twiml::message).orElseGet(Twiml::empty);
        return WebhookResponses.twiml(twiml, decision);
    }
}
