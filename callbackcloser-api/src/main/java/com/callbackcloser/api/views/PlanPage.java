package com.callbackcloser.api.views;

/**
 * "Your plan": the tier, the subscription's state, this month's use, and why texting is paused if it is. Stripe
 * Checkout returns here ({@code ?checkout=success|cancel}); the page says what happened and what the state is now.
 */
public final class PlanPage extends Page {
    private final Plan plan;
    private final String checkout;

    /** The plan in words. */
    public record Plan(
            String tier,
            String status,
            boolean active,
            int used,
            int limit,
            int percent,
            String resets,
            String pause,
            boolean paused,
            int notTexted,
            boolean owner) {}

    PlanPage(Chrome chrome, Plan plan, String checkout) {
        super("plan.ftlh", chrome);
        this.plan = plan;
        this.checkout = checkout;
    }

    public Plan getPlan() {
        return plan;
    }

    /** {@code success}, {@code cancel}, or empty. */
    public String getCheckout() {
        return checkout;
    }
}
