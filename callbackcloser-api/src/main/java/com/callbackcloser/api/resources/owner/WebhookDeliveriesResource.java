package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.WebhookDeliveryView;
import com.callbackcloser.core.model.WebhookDeliveryState;
import com.callbackcloser.core.service.WebhookEndpointService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

@Path("/api/businesses/{businessId}/webhook-deliveries")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookDeliveriesResource {
    private final WebhookEndpointService webhooks;

    public WebhookDeliveriesResource(WebhookEndpointService webhooks) {
        this.webhooks = webhooks;
    }

    /** Newest first; {@code state} is pending, delivering, delivered or failed. */
    @GET
    @Timed
    public List<WebhookDeliveryView> list(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @QueryParam("state") String state,
            @QueryParam("limit") Integer limit) {
        WebhookDeliveryState filter =
                state == null || state.isBlank() ? null : Requests.parse(WebhookDeliveryState.class, state, "state");
        return webhooks.deliveries(Requests.actor(user), businessId, filter, limit).stream()
                .map(WebhookDeliveryView::of)
                .toList();
    }
}
