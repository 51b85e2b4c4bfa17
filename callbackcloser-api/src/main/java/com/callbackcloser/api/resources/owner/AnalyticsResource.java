package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.representation.AnalyticsView;
import com.callbackcloser.core.model.DayRange;
import com.callbackcloser.core.model.InvalidQueryException;
import com.callbackcloser.core.port.in.GetLeadAnalyticsUseCase;
import com.callbackcloser.core.port.in.LeadAnalyticsQuery;
import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;

/** Missed calls and what became of them over days in the business's time zone; the current month by default. */
@Path("/api/businesses/{businessId}/analytics")
@Produces(MediaType.APPLICATION_JSON)
public final class AnalyticsResource {
    private final GetLeadAnalyticsUseCase analytics;

    public AnalyticsResource(GetLeadAnalyticsUseCase analytics) {
        this.analytics = analytics;
    }

    @GET
    @Timed
    public AnalyticsView analytics(
            @Parameter(hidden = true) @Auth AuthenticatedUser user,
            @PathParam("businessId") UUID businessId,
            @Parameter(description = "first day, YYYY-MM-DD in the business's time zone, included") @QueryParam("from")
                    String from,
            @Parameter(description = "last day, YYYY-MM-DD in the business's time zone, included") @QueryParam("to")
                    String to) {
        return AnalyticsView.of(
                analytics.leadAnalytics(new LeadAnalyticsQuery(Requests.actor(user), businessId, days(from, to))));
    }

    /** Both days or neither (the current month): one alone would leave the other end to a guess. */
    private static DayRange days(String from, String to) {
        LocalDate first = Requests.day(from, "from");
        LocalDate last = Requests.day(to, "to");
        if (first == null && last == null) {
            return null;
        }
        if (first == null || last == null) {
            String missing = first == null ? "from" : "to";
            throw new InvalidQueryException(
                    missing, "give both from and to (YYYY-MM-DD), or neither for the current month");
        }
        return new DayRange(first, last);
    }
}
