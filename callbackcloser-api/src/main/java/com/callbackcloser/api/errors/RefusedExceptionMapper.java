package com.callbackcloser.api.errors;

import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.InvalidQueryException;
import com.callbackcloser.core.model.RefusedException;
import com.callbackcloser.core.port.in.AccessDeniedException;
import com.callbackcloser.core.port.in.BusinessNotFoundException;
import com.callbackcloser.core.port.in.PlanNotForSaleException;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The core's refusals as HTTP: a bad field 422 naming it, a bad query parameter 400 naming it, not found (or not
 * yours) 404, not allowed 403, and a state that refuses the request (already has a number, last owner, no billing
 * account yet) 409.
 */
public final class RefusedExceptionMapper implements ExceptionMapper<RefusedException> {

    @Override
    public Response toResponse(RefusedException e) {
        if (e instanceof InvalidQueryException invalid) {
            return json(400, new FieldErrorMessage(400, invalid.getMessage(), invalid.field()));
        }
        if (e instanceof InvalidInputException invalid) {
            return json(422, new FieldErrorMessage(422, invalid.getMessage(), invalid.field()));
        }
        if (e instanceof PlanNotForSaleException) {
            return json(422, new FieldErrorMessage(422, e.getMessage(), "plan"));
        }
        int status = e instanceof ResourceNotFoundException || e instanceof BusinessNotFoundException
                ? 404
                : e instanceof AccessDeniedException ? 403 : 409;
        return json(status, new ErrorMessage(status, e.getMessage()));
    }

    private static Response json(int status, Object entity) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(entity)
                .build();
    }
}
