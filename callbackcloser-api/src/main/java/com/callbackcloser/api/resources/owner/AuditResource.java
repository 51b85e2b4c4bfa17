package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.AuditPageView;
import com.callbackcloser.core.service.AuditService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The business's audit trail, newest first (owners and admins). */
@Path("/api/businesses/{businessId}/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
    private static final int DEFAULT_LIMIT = 50;
    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Timed
    public AuditPageView list(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @QueryParam("before") Long before,
            @QueryParam("limit") Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        return AuditPageView.of(audit.list(Requests.actor(user), businessId, before, size), size);
    }
}
