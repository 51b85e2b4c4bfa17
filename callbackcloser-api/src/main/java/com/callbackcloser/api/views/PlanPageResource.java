package com.callbackcloser.api.views;

import com.callbackcloser.core.model.BusinessWithRole;
import com.callbackcloser.core.model.PauseReason;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.Usage;
import com.callbackcloser.core.service.OwnerBillingService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code /billing}: "your plan", through the same use case as {@code GET /api/businesses/{id}/usage}. Stripe
 * Checkout's return URLs land here ({@code ?checkout=success} or {@code cancel}).
 */
@Path("/billing")
@DashboardPage
@SignedIn
@Produces(Page.HTML)
public final class PlanPageResource {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.US);

    private final OwnerBillingService billing;
    private final Pages pages;
    private final ZoneId usageZone;

    PlanPageResource(OwnerBillingService billing, Pages pages, ZoneId usageZone) {
        this.billing = billing;
        this.pages = pages;
        this.usageZone = usageZone;
    }

    @GET
    public Page plan(
            @Context ContainerRequestContext request,
            @QueryParam("business") String business,
            @QueryParam("checkout") String checkout) {
        DashboardUser user = SessionFilter.user(request);
        Pages.Selection selection = pages.select(user, business);
        Chrome chrome = pages.chrome("Your plan", "plan", user, selection);
        String returned = checkout == null
                ? ""
                : switch (checkout.strip().toLowerCase(Locale.ROOT)) {
                    case "success" -> "success";
                    case "cancel", "canceled", "cancelled" -> "cancel";
                    default -> "";
                };
        BusinessWithRole current = selection.current();
        if (current == null) {
            return new InboxPage(chrome, List.of(), "", "", List.of(), "", "", "", 0, "", "", user.subject());
        }
        Usage usage = billing.usage(user.actor(), current.business().id());
        SubscriptionStatus status = current.business().subscription().status();
        int percent = usage.limit() == 0 ? 100 : (int) Math.min(100, Math.round(100.0 * usage.used() / usage.limit()));
        return new PlanPage(
                chrome,
                new PlanPage.Plan(
                        usage.tier().displayName(),
                        status(status),
                        status == SubscriptionStatus.ACTIVE,
                        usage.used(),
                        usage.limit(),
                        percent,
                        DAY.format(usage.period().end().atZone(usageZone)),
                        usage.pauseSentence(),
                        usage.pauseReason() != PauseReason.NONE,
                        usage.billingRequiredLeads(),
                        current.role().allows(Permission.MANAGE_BILLING)),
                returned);
    }

    private static String status(SubscriptionStatus status) {
        return switch (status) {
            case ACTIVE -> "Active";
            case INACTIVE -> "Not subscribed";
            case PAST_DUE -> "Payment overdue";
            case CANCELED -> "Canceled";
        };
    }
}
