package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.twilio.TwilioRecordings;
import com.callbackcloser.api.twilio.TwilioUnavailableException;
import com.callbackcloser.core.model.RecordingMetadata;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.service.LeadService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/** The call recording, streamed from Twilio with the service's credentials to a member allowed to see leads. */
@Path("/api/businesses/{businessId}/leads/{leadId}/recording")
public final class LeadRecordingResource {
    private final LeadService leads;
    private final TwilioRecordings recordings;

    /** @param recordings null when Twilio is not configured: recordings are then never available */
    public LeadRecordingResource(LeadService leads, TwilioRecordings recordings) {
        this.leads = leads;
        this.recordings = recordings;
    }

    @GET
    @Timed
    @Produces({"audio/mpeg", "application/json"})
    public Response stream(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @PathParam("leadId") UUID leadId)
            throws InterruptedException {
        RecordingMetadata recording = leads.recording(Requests.actor(user), businessId, leadId)
                .orElseThrow(() -> new ResourceNotFoundException("recording"));
        if (recordings == null) {
            throw new ResourceNotFoundException("recording (Twilio is not configured)");
        }
        TwilioRecordings.Recording audio;
        try {
            // By SID on our own account: the RecordingUrl a callback stored is never where the credentials go.
            audio = recordings.open(recording.sid()).orElseThrow(() -> new ResourceNotFoundException("recording"));
        } catch (IOException e) {
            throw new TwilioUnavailableException("Twilio: could not fetch the recording: " + e.getMessage(), e);
        }
        StreamingOutput body = output -> {
            try (InputStream in = audio.body()) {
                in.transferTo(output);
            }
        };
        Response.ResponseBuilder response = Response.ok(body, audio.contentType())
                .header("Content-Disposition", "inline; filename=\"" + recording.sid() + ".mp3\"")
                .header("Cache-Control", "private, no-store");
        if (audio.length() != null) {
            response.header("Content-Length", audio.length());
        }
        return response.build();
    }
}
