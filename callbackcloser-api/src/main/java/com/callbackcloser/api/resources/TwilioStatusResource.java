package com.callbackcloser.api.resources;

import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.twilio.RawPayload;
import com.callbackcloser.api.twilio.TwilioForm;
import com.callbackcloser.api.twilio.TwilioWebhook;
import com.callbackcloser.api.twilio.Twiml;
import com.callbackcloser.api.twilio.WebhookUrls;
import com.callbackcloser.core.model.RecordingMetadata;
import com.callbackcloser.core.port.in.DialStatusCallback;
import com.callbackcloser.core.port.in.DialStatusOutcome;
import com.callbackcloser.core.port.in.DialStatusResult;
import com.callbackcloser.core.port.in.HandleDialStatusUseCase;
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
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Dial action and recording status callbacks: where a missed call becomes a lead and a text. */
@Path(WebhookUrls.STATUS_PATH)
@TwilioWebhook
public final class TwilioStatusResource {
    private static final Logger LOG = LoggerFactory.getLogger("twilio.status");

    private final HandleDialStatusUseCase dialStatus;
    private final RawPayload rawPayload;
    private final Decisions decisions;

    public TwilioStatusResource(HandleDialStatusUseCase dialStatus, RawPayload rawPayload, Decisions decisions) {
        this.decisions = decisions;
        this.dialStatus = dialStatus;
        this.rawPayload = rawPayload;
    }

    @POST
    @Timed
    @ExceptionMetered
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({Twiml.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response dialStatus(@Context ContainerRequestContext request) {
        DialStatusCallback callback = callbackFrom(TwilioForm.of(request));
        if (callback.callSid() == null) {
            throw new BadRequestException("missing CallSid");
        }
        if (callback.to() == null && !callback.isRecordingOnly()) {
            throw new BadRequestException("missing To (and no recording fields)");
        }
        DialStatusResult result;
        try {
            result = dialStatus.onDialStatus(callback);
        } catch (RuntimeException e) {
            LOG.error(
                    "event=twilio.status callSid={} decision=retry error=\"{}\"",
                    callback.callSid(),
                    DatabaseErrors.describe(e),
                    DatabaseErrors.redacted(e));
            decisions.count("twilio.status", "error");
            return WebhookResponses.retryLater("could not record the call status; retry", WebhookUrls.STATUS_PATH);
        }
        DialStatusOutcome outcome = result.outcome();
        decisions.count("twilio.status", outcome.logName());
        LOG.info(
                "event=twilio.status callSid={} dialCallStatus={} screening={} decision={} leadId={}",
                callback.callSid(),
                callback.dialCallStatus(),
                result.screening().name().toLowerCase(Locale.ROOT),
                outcome.logName(),
                result.leadId());
        return WebhookResponses.twiml(Twiml.empty(), outcome.logName());
    }

    private DialStatusCallback callbackFrom(TwilioForm form) {
        return new DialStatusCallback(
                form.getOrNull("CallSid"),
                form.getOrNull("ParentCallSid"),
                form.getOrNull("DialCallSid"),
                form.getOrNull("From"),
                form.getOrNull("To"),
                form.getOrNull("DialCallStatus"),
                form.getInteger("CallDuration"),
                form.getInteger("DialCallDuration"),
                RecordingMetadata.of(
                        form.getOrNull("RecordingSid"),
                        form.getOrNull("RecordingUrl"),
                        form.getOrNull("RecordingStatus"),
                        form.getInteger("RecordingDuration")),
                rawPayload.json(form));
    }
}
