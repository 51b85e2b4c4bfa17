package com.callbackcloser.api.resources;

import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.twilio.TwilioForm;
import com.callbackcloser.api.twilio.TwilioWebhook;
import com.callbackcloser.api.twilio.Twiml;
import com.callbackcloser.api.twilio.WebhookUrls;
import com.callbackcloser.core.port.in.HandleMessageStatusUseCase;
import com.callbackcloser.core.port.in.MessageStatusCallback;
import com.callbackcloser.core.port.in.MessageStatusOutcome;
import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Twilio's delivery reports for the texts we sent: queued → sent → delivered / undelivered / failed. */
@Path(WebhookUrls.MESSAGE_STATUS_PATH)
@TwilioWebhook
public final class TwilioMessageStatusResource {
    private static final Logger LOG = LoggerFactory.getLogger("twilio.messaging");

    private final HandleMessageStatusUseCase messageStatus;
    private final Decisions decisions;

    public TwilioMessageStatusResource(HandleMessageStatusUseCase messageStatus, Decisions decisions) {
        this.decisions = decisions;
        this.messageStatus = messageStatus;
    }

    @POST
    @Timed
    @ExceptionMetered
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({Twiml.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response statusCallback(
            @Context ContainerRequestContext request, @QueryParam("messageId") String messageId) {
        TwilioForm form = TwilioForm.of(request);
        String messageSid = form.get("MessageSid")
                .or(() -> form.get("SmsSid"))
                .orElseThrow(() -> new BadRequestException("missing MessageSid"));
        String status = form.get("MessageStatus")
                .or(() -> form.get("SmsStatus"))
                .orElseThrow(() -> new BadRequestException("missing MessageStatus"));
        MessageStatusCallback callback =
                new MessageStatusCallback(parseId(messageId), messageSid, status, form.getInteger("ErrorCode"));
        MessageStatusOutcome outcome;
        try {
            outcome = messageStatus.onMessageStatus(callback);
        } catch (RuntimeException e) {
            LOG.error(
                    "event=twilio.messaging messageSid={} status={} decision=retry error=\"{}\"",
                    messageSid,
                    status,
                    e.toString(),
                    e);
            decisions.count("twilio.message-status", "error");
            return WebhookResponses.retryLater(
                    "could not record the message status; retry", WebhookUrls.MESSAGE_STATUS_PATH);
        }
        decisions.count("twilio.message-status", outcome.logName());
        LOG.info(
                "event=twilio.messaging messageSid={} status={} errorCode={} decision={}",
                messageSid,
                status,
                form.getOrNull("ErrorCode"),
                outcome.logName());
        return WebhookResponses.twiml(Twiml.empty(), outcome.logName());
    }

    private static UUID parseId(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(messageId);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("messageId is not a UUID");
        }
    }
}
