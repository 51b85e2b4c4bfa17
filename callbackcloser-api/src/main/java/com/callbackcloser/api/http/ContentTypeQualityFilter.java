package com.callbackcloser.api.http;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses a request whose Content-Type carries a quality parameter ({@code q}, {@code qs}) that is not a quality
 * value. Jersey reads it while choosing the resource method and throws in a way no exception mapper answers, so
 * Jetty would send a 500 for what is the client's mistake.
 */
@PreMatching
public final class ContentTypeQualityFilter implements ContainerRequestFilter {
    private static final Pattern QUALITY = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null) {
            return;
        }
        for (String name : List.of("q", "qs")) {
            String quality = type.getParameters().get(name);
            if (quality != null && !QUALITY.matcher(quality).matches()) {
                request.abortWith(Response.status(Response.Status.BAD_REQUEST)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new ErrorMessage(400, "Content-Type has a " + name + " that is not a quality value"))
                        .build());
                return;
            }
        }
    }
}
