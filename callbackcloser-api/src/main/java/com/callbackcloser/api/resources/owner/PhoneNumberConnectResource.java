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

/** Connects a number the Twilio account already has: by its PN… SID, or the first one no business uses. */
@Path("/api/businesses/{businessId}/phone-number/connect")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PhoneNumberConnectResource {
    private final PhoneNumberService numbers;

    public PhoneNumberConnectResource(PhoneNumberService numbers) {
        this.numbers = numbers;
    }

    @POST
    @Timed
    public BusinessView connect(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            PhoneNumberRequest request) {
        String sid = request == null ? null : request.phoneNumberSid();
        return BusinessView.of(numbers.connect(Requests.actor(user), businessId, sid));
    }
}
