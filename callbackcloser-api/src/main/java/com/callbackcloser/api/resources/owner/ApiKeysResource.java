package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.ApiKeyRequest;
import com.callbackcloser.api.representation.ApiKeyView;
import com.callbackcloser.core.service.ApiKeyService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The caller's own API keys: a new key's secret is in the answer to its creation, and nowhere ever again. */
@Path("/api/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ApiKeysResource {
    private final ApiKeyService apiKeys;

    public ApiKeysResource(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @POST
    @Timed
    public Response create(@Parameter(hidden = true) @Auth AuthenticatedUser user, ApiKeyRequest request) {
        ApiKeyView issued =
                ApiKeyView.issued(apiKeys.issue(Requests.actor(user), request == null ? null : request.name()));
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    @Timed
    public List<ApiKeyView> list(@Parameter(hidden = true) @Auth AuthenticatedUser user) {
        return apiKeys.list(Requests.actor(user)).stream().map(ApiKeyView::of).toList();
    }
}
