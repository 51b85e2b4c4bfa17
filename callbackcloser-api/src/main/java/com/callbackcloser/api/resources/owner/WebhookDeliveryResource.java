package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.WebhookDeliveryDetailView;
import com.callbackcloser.core.service.WebhookEndpointService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

@Path("/api/businesses/{businessId}/webhook-deliveries/{deliveryId}")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookDeliveryResource {
    private final WebhookEndpointService webhooks;

    public WebhookDeliveryResource(WebhookEndpointService webhooks) {
        this.webhooks = webhooks;
    }

    /** The delivery, its body and every attempt (status code, duration, error, time). */
    @GET
    @Timed
    public WebhookDeliveryDetailView get(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @PathParam("deliveryId") UUID deliveryId) {
        return WebhookDeliveryDetailView.of(webhooks.delivery(Requests.actor(user), businessId, deliveryId));
    }
}
