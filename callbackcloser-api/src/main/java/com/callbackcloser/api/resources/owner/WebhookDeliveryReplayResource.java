package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.WebhookDeliveryDetailView;
import com.callbackcloser.core.service.WebhookEndpointService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

@Path("/api/businesses/{businessId}/webhook-deliveries/{deliveryId}/replay")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookDeliveryReplayResource {
    private final WebhookEndpointService webhooks;

    public WebhookDeliveryReplayResource(WebhookEndpointService webhooks) {
        this.webhooks = webhooks;
    }

    /** A new delivery of the same event (same event id and body) to the same endpoint, due now; audited. */
    @POST
    @Timed
    public Response replay(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @PathParam("deliveryId") UUID deliveryId) {
        WebhookDeliveryDetailView replay =
                WebhookDeliveryDetailView.of(webhooks.replay(Requests.actor(user), businessId, deliveryId));
        return Response.status(Response.Status.CREATED).entity(replay).build();
    }
}
