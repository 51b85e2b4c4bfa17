package com.callbackcloser.api.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules production must satisfy. Outside production they are advice; in production the service
 * refuses to start while any is broken, and lists them all at once.
 */
public final class ProductionRules {
    private ProductionRules() {}

    public static List<ConfigurationProblem> check(CallbackCloserConfiguration config) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        TwilioConfiguration twilio = config.getTwilio();
        if (!twilio.isValidateSignature()) {
            problems.add(new ConfigurationProblem(
                    "TWILIO_VALIDATE_SIGNATURE",
                    "Twilio webhooks are not signature-checked",
                    "set it to true; shared tokens are refused in production"));
        }
        if (twilio.getAuthToken().isBlank()) {
            problems.add(new ConfigurationProblem(
                    "TWILIO_AUTH_TOKEN",
                    "missing: signatures cannot be checked and texts cannot be sent",
                    "set the account's auth token"));
        }
        if (twilio.getAccountSid().isBlank()) {
            problems.add(new ConfigurationProblem(
                    "TWILIO_ACCOUNT_SID", "missing: texts would only be simulated", "set the account SID (AC...)"));
        }
        StripeConfiguration stripe = config.getStripe();
        if (stripe.getSecretKey().isBlank()) {
            problems.add(new ConfigurationProblem(
                    "STRIPE_SECRET_KEY", "missing: owners cannot subscribe", "set the secret API key (sk_live_...)"));
        }
        if (stripe.getWebhookSecret().isBlank()) {
            problems.add(new ConfigurationProblem(
                    "STRIPE_WEBHOOK_SECRET",
                    "missing: Stripe events cannot be verified, so subscriptions never switch texting on",
                    "set the endpoint's signing secret (whsec_...) from the Stripe dashboard"));
        }
        if (stripe.getPriceStarter().isBlank() || stripe.getPricePro().isBlank()) {
            problems.add(new ConfigurationProblem(
                    "STRIPE_PRICE_STARTER / STRIPE_PRICE_PRO",
                    "missing: plans cannot be sold or recognised",
                    "set both price ids (price_...)"));
        }
        if (config.getDatabase().usesEmbeddedDatabase()) {
            problems.add(new ConfigurationProblem(
                    "DATABASE_URL",
                    "missing: the embedded development database is not for production",
                    "set the PostgreSQL URL"));
        } else {
            problems.addAll(DatabaseUrlRules.check(
                    config.getDatabase().getUrl(), config.getDatabase().getMigrationUrl()));
        }
        if (!isAbsoluteHttps(config.getAppUrl())) {
            problems.add(new ConfigurationProblem(
                    "APP_URL",
                    "not an absolute https URL: " + config.getAppUrl(),
                    "set the public https URL Twilio calls, e.g. https://callbacks.example.com"));
        }
        problems.addAll(AccessRules.check(config));
        problems.addAll(DashboardRules.check(config));
        return problems;
    }

    private static boolean isAbsoluteHttps(String url) {
        try {
            URI uri = URI.create(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
