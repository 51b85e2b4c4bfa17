package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.WebhookEndpointRequest;
import com.callbackcloser.api.representation.WebhookEndpointView;
import com.callbackcloser.core.service.WebhookEndpointService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** A business's webhook endpoints: a new endpoint's signing secret is in the answer to its creation only. */
@Path("/api/businesses/{businessId}/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class WebhookEndpointsResource {
    private final WebhookEndpointService webhooks;

    public WebhookEndpointsResource(WebhookEndpointService webhooks) {
        this.webhooks = webhooks;
    }

    /** Registers an endpoint (owners and admins); audited. */
    @POST
    @Timed
    public Response create(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            WebhookEndpointRequest request) {
        WebhookEndpointRequest body = Requests.body(request);
        WebhookEndpointView issued = WebhookEndpointView.issued(
                webhooks.register(Requests.actor(user), businessId, body.url(), body.events(), body.description()));
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    /** Every endpoint, disabled ones included, newest first. */
    @GET
    @Timed
    public List<WebhookEndpointView> list(
            @Parameter(hidden = true) @Auth AuthenticatedUser user, @PathParam("businessId") UUID businessId) {
        return webhooks.list(Requests.actor(user), businessId).stream()
                .map(WebhookEndpointView::of)
                .toList();
    }
}
