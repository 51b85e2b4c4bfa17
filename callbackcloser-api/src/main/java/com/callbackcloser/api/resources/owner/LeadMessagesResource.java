package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.MessageView;
import com.callbackcloser.api.representation.ReplyRequest;
import com.callbackcloser.core.port.in.ReplyToCaller;
import com.callbackcloser.core.port.in.ReplyToCallerUseCase;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Texts the lead's caller (any member; agents too). The text is queued in the outbox and answered at once as
 * queued: its delivery state shows in the lead's transcript. 409 when the caller opted out or texting is paused.
 */
@Path("/api/businesses/{businessId}/leads/{leadId}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class LeadMessagesResource {
    private final ReplyToCallerUseCase replies;

    public LeadMessagesResource(ReplyToCallerUseCase replies) {
        this.replies = replies;
    }

    /** With {@code Idempotency-Key}, a retried request gets the text the first one queued, not a second text. */
    @POST
    @Timed
    public Response reply(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @PathParam("leadId") UUID leadId,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            ReplyRequest request) {
        MessageView queued = MessageView.of(replies.reply(new ReplyToCaller(
                Requests.actor(user), businessId, leadId, Requests.body(request).body(), idempotencyKey)));
        return Response.status(Response.Status.CREATED).entity(queued).build();
    }
}
