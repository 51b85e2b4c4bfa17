package com.callbackcloser.api.cli;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.twilio.WebhookUrls;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.util.List;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code webhooks config.yml [--show-token]}: the URLs to configure at Twilio and Stripe. The shared webhook token
 * is redacted unless asked for, so the output can be pasted into a ticket.
 */
public final class WebhooksCommand extends OperatorCommand {
    /**
     * invoice.paid rather than invoice.payment_succeeded (still handled, for endpoints subscribed to it): Stripe
     * recommends it for provisioning, and it also fires for an invoice marked paid outside Stripe.
     */
    static final List<String> STRIPE_EVENTS = List.of(
            "checkout.session.completed",
            "customer.subscription.created",
            "customer.subscription.updated",
            "customer.subscription.deleted",
            "invoice.paid",
            "invoice.payment_failed");

    private final PrintStream out;

    public WebhooksCommand() {
        this(System.out);
    }

    WebhooksCommand(PrintStream out) {
        super("webhooks", "Print the Twilio and Stripe webhook URLs to configure");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("--show-token")
                .dest("showToken")
                .action(Arguments.storeTrue())
                .help("print the shared webhook token instead of ****");
    }

    @Override
    protected void run(
            Bootstrap<CallbackCloserConfiguration> bootstrap, Namespace namespace, CallbackCloserConfiguration config) {
        WebhookUrls urls = new WebhookUrls(config);
        boolean show = namespace.getBoolean("showToken");
        out.println("Twilio phone number (set by the owner API on buy/connect/sync):");
        out.println("  Voice  (A call comes in, POST):      " + redact(urls.voice(), show));
        out.println("  SMS    (A message comes in, POST):   " + redact(urls.sms(), show));
        out.println("  Status (call status changes, POST):  " + redact(urls.status(), show));
        out.println("  Message status callbacks (set on each text): " + redact(urls.messageStatus(), show));
        out.println("Stripe webhook endpoint: " + config.getAppUrl() + "/api/stripe/webhook");
        out.println("  events: " + String.join(", ", STRIPE_EVENTS));
        out.println("  signing secret: STRIPE_WEBHOOK_SECRET "
                + (config.getStripe().getWebhookSecret().isBlank() ? "(not set)" : "(set)"));
        if (config.getTwilio().isValidateSignature()) {
            out.println("Twilio requests are checked by X-Twilio-Signature against " + config.getAppUrl());
        }
    }

    private static String redact(String url, boolean show) {
        return show ? url : url.replaceAll("webhook_token=[^&#]+", "webhook_token=****");
    }
}
