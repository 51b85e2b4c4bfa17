package com.callbackcloser.api.errors;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ParamException;

/**
 * A parameter Jersey could not convert ({@code limit=abc} for an integer). JAX-RS makes a bad query parameter a 404,
 * which reads as "no such business"; it is the client's request that is wrong: 400, naming the parameter, in the same
 * JSON as our other 400s ({@code {"code":400,"message":…,"field":"limit"}}). A bad path parameter stays a 404: no
 * resource has that id.
 */
public final class QueryParameterExceptionMapper implements ExceptionMapper<ParamException> {

    @Override
    public Response toResponse(ParamException e) {
        if (e instanceof ParamException.PathParamException) {
            return json(404, new ErrorMessage(404, "HTTP 404 Not Found"));
        }
        String name = e.getParameterName();
        String problem = e.getCause() instanceof NumberFormatException
                ? " must be a whole number in range"
                : " has a value that cannot be read";
        return json(400, new FieldErrorMessage(400, "parameter " + name + problem, name));
    }

    private static Response json(int status, Object entity) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(entity)
                .build();
    }
}
