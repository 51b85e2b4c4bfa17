package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.CheckoutRequest;
import com.callbackcloser.api.representation.UrlView;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.service.OwnerBillingService;
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

/** A Stripe Checkout session for the Starter or Pro plan (owners only). */
@Path("/api/businesses/{businessId}/billing/checkout")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class BillingCheckoutResource {
    private final OwnerBillingService billing;
    private final String appUrl;

    public BillingCheckoutResource(OwnerBillingService billing, String appUrl) {
        this.billing = billing;
        this.appUrl = appUrl;
    }

    @POST
    @Timed
    public UrlView checkout(@Parameter(hidden = true) @Auth AuthenticatedUser user, @PathParam("businessId") UUID businessId,
            CheckoutRequest request) {
        PlanTier plan = Requests.parse(PlanTier.class, Requests.body(request).plan(), "plan");
        return new UrlView(billing.checkout(Requests.actor(user), businessId, plan,
                appUrl + "/billing?checkout=success", appUrl + "/billing?checkout=canceled"));
    }
}
