package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.TextTemplatesRequest;
import com.callbackcloser.api.representation.TextTemplatesView;
import com.callbackcloser.core.service.TextTemplateService;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The business's wording of its first, after-hours and completion texts, with their SMS segment counts. */
@Path("/api/businesses/{businessId}/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class TextTemplatesResource {
    private final TextTemplateService templates;

    public TextTemplatesResource(TextTemplateService templates) {
        this.templates = templates;
    }

    @GET
    @Timed
    public TextTemplatesView get(
            @Parameter(hidden = true) @Auth AuthenticatedUser user, @PathParam("businessId") UUID businessId) {
        return TextTemplatesView.of(templates.get(Requests.actor(user), businessId));
    }

    /** Replaces all three templates; one not sent uses the built-in text. Audited. */
    @PUT
    @Timed
    public TextTemplatesView replace(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            TextTemplatesRequest request) {
        return TextTemplatesView.of(templates.replace(
                Requests.actor(user), businessId, Requests.body(request).toTemplates()));
    }
}
