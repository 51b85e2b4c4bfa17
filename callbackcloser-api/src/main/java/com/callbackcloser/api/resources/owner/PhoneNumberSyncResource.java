package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.BusinessView;
import com.callbackcloser.core.service.PhoneNumberService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Points the number's voice, SMS and status webhooks at this service again (after APP_URL or token changes). */
@Path("/api/businesses/{businessId}/phone-number/sync")
@Produces(MediaType.APPLICATION_JSON)
public final class PhoneNumberSyncResource {
    private final PhoneNumberService numbers;

    public PhoneNumberSyncResource(PhoneNumberService numbers) {
        this.numbers = numbers;
    }

    @POST
    @Timed
    public BusinessView sync(
            @Parameter(hidden = true) @Auth AuthenticatedUser user, @PathParam("businessId") UUID businessId) {
        return BusinessView.of(numbers.sync(Requests.actor(user), businessId));
    }
}
