package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.SecretRotationRequest;
import com.callbackcloser.api.representation.WebhookEndpointView;
import com.callbackcloser.core.service.WebhookEndpointService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

@Path("/api/businesses/{businessId}/webhook-endpoints/{endpointId}/rotate-secret")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class WebhookEndpointSecretResource {
    private final WebhookEndpointService webhooks;

    public WebhookEndpointSecretResource(WebhookEndpointService webhooks) {
        this.webhooks = webhooks;
    }

    /**
     * A new signing secret, in this answer only; the old one keeps signing for the grace period (body optional,
     * {@code gracePeriodHours} 0 to 168, default 24). Owners and admins; audited.
     */
    @POST
    @Timed
    public WebhookEndpointView rotate(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @PathParam("endpointId") UUID endpointId,
            SecretRotationRequest request) {
        Integer hours = request == null ? null : request.gracePeriodHours();
        return WebhookEndpointView.issued(webhooks.rotateSecret(Requests.actor(user), businessId, endpointId, hours));
    }
}
