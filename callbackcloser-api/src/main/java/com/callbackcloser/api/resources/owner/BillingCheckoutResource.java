package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.config.RateLimitConfiguration;
import com.callbackcloser.api.ratelimit.SharedRateLimiter;
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
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/** A Stripe Checkout session for the Starter or Pro plan (owners only). */
@Path("/api/businesses/{businessId}/billing/checkout")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class BillingCheckoutResource {
    private final OwnerBillingService billing;
    private final String appUrl;

    private final SharedRateLimiter limiter;
    private final RateLimitConfiguration.Rule rule;

    public BillingCheckoutResource(
            OwnerBillingService billing, String appUrl, SharedRateLimiter limiter, RateLimitConfiguration.Rule rule) {
        this.billing = billing;
        this.limiter = limiter;
        this.rule = rule;
        this.appUrl = appUrl;
    }

    @POST
    @Timed
    public Response checkout(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            CheckoutRequest request) {
        PlanTier plan = Requests.parse(PlanTier.class, Requests.body(request).plan(), "plan");
        Optional<Response> throttled = limiter.hit("billing:" + user.subject(), rule);
        if (throttled.isPresent()) {
            return throttled.get();
        }
        return Response.ok(new UrlView(billing.checkout(
                        Requests.actor(user),
                        businessId,
                        plan,
                        appUrl + "/billing?checkout=success",
                        appUrl + "/billing?checkout=canceled")))
                .build();
    }
}
