package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.UrlView;
import com.callbackcloser.core.service.OwnerBillingService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** A Stripe billing-portal session for the business's customer (owners only). */
@Path("/api/businesses/{businessId}/billing/portal")
@Produces(MediaType.APPLICATION_JSON)
public final class BillingPortalResource {
    private final OwnerBillingService billing;
    private final String appUrl;

    public BillingPortalResource(OwnerBillingService billing, String appUrl) {
        this.billing = billing;
        this.appUrl = appUrl;
    }

    @POST
    @Timed
    public UrlView portal(@Parameter(hidden = true) @Auth AuthenticatedUser user, @PathParam("businessId") UUID businessId) {
        return new UrlView(billing.portal(Requests.actor(user), businessId, appUrl + "/billing"));
    }
}
