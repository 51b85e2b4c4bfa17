package com.callbackcloser.api.errors;

import com.callbackcloser.core.port.out.ExternalServiceException;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Twilio or Stripe said no, or did not answer: 502, with their message so the owner knows what to fix. */
public final class ExternalServiceExceptionMapper implements ExceptionMapper<ExternalServiceException> {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalServiceExceptionMapper.class);

    @Override
    public Response toResponse(ExternalServiceException e) {
        LOG.warn("event=owner.provider decision=bad_gateway error=\"{}\"", e.getMessage());
        return Response.status(502)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(502, e.getMessage()))
                .build();
    }
}
