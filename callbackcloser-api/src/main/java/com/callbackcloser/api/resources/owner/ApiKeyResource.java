package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.core.service.ApiKeyService;
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

@Path("/api/api-keys/{keyId}")
@Produces(MediaType.APPLICATION_JSON)
public final class ApiKeyResource {
    private final ApiKeyService apiKeys;

    public ApiKeyResource(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** Revokes one of the caller's keys; it stops working at once. */
    @DELETE
    @Timed
    public Response revoke(@Parameter(hidden = true) @Auth AuthenticatedUser user, @PathParam("keyId") UUID keyId) {
        apiKeys.revoke(Requests.actor(user), keyId);
        return Response.noContent().build();
    }
}
