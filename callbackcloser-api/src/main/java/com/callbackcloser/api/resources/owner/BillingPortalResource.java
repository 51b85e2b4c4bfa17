package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.config.RateLimitConfiguration;
import com.callbackcloser.api.ratelimit.SharedRateLimiter;
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
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/** A Stripe billing-portal session for the business's customer (owners only). */
@Path("/api/businesses/{businessId}/billing/portal")
@Produces(MediaType.APPLICATION_JSON)
public final class BillingPortalResource {
    private final OwnerBillingService billing;
    private final String appUrl;

    private final SharedRateLimiter limiter;
    private final RateLimitConfiguration.Rule rule;

    public BillingPortalResource(
            OwnerBillingService billing, String appUrl, SharedRateLimiter limiter, RateLimitConfiguration.Rule rule) {
        this.billing = billing;
        this.limiter = limiter;
        this.rule = rule;
        this.appUrl = appUrl;
    }

    @POST
    @Timed
    public Response portal(
            @Parameter(hidden = true) @Auth AuthenticatedUser user, @PathParam("businessId") UUID businessId) {
        Optional<Response> throttled = limiter.hit("billing:" + user.subject(), rule);
        if (throttled.isPresent()) {
            return throttled.get();
        }
        return Response.ok(new UrlView(billing.portal(Requests.actor(user), businessId, appUrl + "/billing")))
                .build();
    }
}
