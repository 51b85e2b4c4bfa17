package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.core.service.WebhookEndpointService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

@Path("/api/businesses/{businessId}/webhook-endpoints/{endpointId}")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookEndpointResource {
    private final WebhookEndpointService webhooks;

    public WebhookEndpointResource(WebhookEndpointService webhooks) {
        this.webhooks = webhooks;
    }

    /** Disables the endpoint: nothing more is sent to it, queued deliveries included; its history stays. */
    @DELETE
    @Timed
    public Response disable(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @PathParam("endpointId") UUID endpointId) {
        webhooks.disable(Requests.actor(user), businessId, endpointId);
        return Response.noContent().build();
    }
}
