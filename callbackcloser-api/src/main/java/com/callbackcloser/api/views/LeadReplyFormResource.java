package com.callbackcloser.api.views;

import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.port.in.ConflictException;
import com.callbackcloser.core.port.in.ReplyToCaller;
import com.callbackcloser.core.port.in.ReplyToCallerUseCase;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * {@code POST /leads/{leadId}/messages}: the reply box, through the same use case as the API's
 * {@code POST …/leads/{leadId}/messages}. The text is queued (never sent here) and shows at once as queued; the
 * conversation's refresh then shows it sent and delivered. A refusal (opted out, texting paused, an empty text)
 * keeps what was typed and says why.
 */
@Path("/leads/{leadId}/messages")
@DashboardPage
@SignedIn
@Produces(Page.HTML)
public final class LeadReplyFormResource {
    private final ReplyToCallerUseCase replies;
    private final LeadPages leadPages;

    LeadReplyFormResource(ReplyToCallerUseCase replies, LeadPages leadPages) {
        this.replies = replies;
        this.leadPages = leadPages;
    }

    @POST
    public Response reply(
            @Context ContainerRequestContext request,
            @Context HttpHeaders headers,
            @PathParam("leadId") UUID leadId,
            @FormParam("body") String body,
            @FormParam("replyKey") String replyKey) {
        DashboardUser user = SessionFilter.user(request);
        LeadPages.Context context = leadPages.load(user, leadId);
        try {
            replies.reply(new ReplyToCaller(user.actor(), context.businessId(), leadId, body, replyKey));
        } catch (ConflictException | InvalidInputException refused) {
            int status = refused instanceof ConflictException ? 409 : 422;
            ReplyForm form = leadPages.replyForm(context).refused(body, refused.getMessage());
            if (Htmx.isHtmx(headers)) {
                return Response.status(status)
                        .header("HX-Retarget", "#reply-form")
                        .header("HX-Reswap", "outerHTML")
                        .entity(leadPages.fragment(context, ConversationFragment.Part.REPLY, form, null))
                        .build();
            }
            return Response.status(status)
                    .entity(leadPages.page(context, form, "", ""))
                    .build();
        }
        if (!Htmx.isHtmx(headers)) {
            return Response.seeOther(URI.create("/leads/" + leadId + "?sent=1#conversation"))
                    .build();
        }
        LeadPages.Context sent = leadPages.load(user, leadId);
        return Response.ok(leadPages.fragment(
                        sent,
                        ConversationFragment.Part.CONVERSATION_AND_REPLY,
                        leadPages.replyForm(sent).sent(),
                        null))
                .build();
    }
}
