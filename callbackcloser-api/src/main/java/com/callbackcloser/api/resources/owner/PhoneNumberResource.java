package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.BusinessView;
import com.callbackcloser.api.representation.PhoneNumberRequest;
import com.callbackcloser.core.service.PhoneNumberService;
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

/** Buys a US local number (SMS and voice) for the business, its webhooks pointed at this service. */
@Path("/api/businesses/{businessId}/phone-number")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PhoneNumberResource {
    private final PhoneNumberService numbers;

    public PhoneNumberResource(PhoneNumberService numbers) {
        this.numbers = numbers;
    }

    @POST
    @Timed
    public BusinessView buy(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            PhoneNumberRequest request) {
        String areaCode = request == null ? null : request.areaCode();
        return BusinessView.of(numbers.buy(Requests.actor(user), businessId, areaCode));
    }
}
