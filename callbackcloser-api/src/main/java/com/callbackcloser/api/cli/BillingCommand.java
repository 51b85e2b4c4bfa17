package com.callbackcloser.api.cli;

import com.callbackcloser.api.CallbackCloserApplication;
import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.Usage;
import com.callbackcloser.core.port.in.OpenBillingPortal;
import com.callbackcloser.core.port.in.StartCheckout;
import com.callbackcloser.core.service.BillingService;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code billing usage|checkout|portal config.yml --business ID}: the owner's billing actions for an operator,
 * until the owner API exposes them.
 */
public final class BillingCommand extends OperatorCommand {
    private static final String ACTION = "action";
    private final PrintStream out;

    public BillingCommand() {
        this(System.out);
    }

    BillingCommand(PrintStream out) {
        super("billing", "A business's plan usage, and Stripe checkout / billing-portal links");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        for (String action : new String[] {"usage", "checkout", "portal"}) {
            Subparser parser = subparser.addSubparsers().addParser(action).setDefault(ACTION, action);
            addFileArgument(parser);
            parser.addArgument("--business").required(true).help("business id");
            if (action.equals("checkout")) {
                parser.addArgument("--plan").required(true).choices("starter", "pro");
            }
        }
    }

    @Override
    protected void run(
            Bootstrap<CallbackCloserConfiguration> bootstrap, Namespace namespace, CallbackCloserConfiguration config)
            throws Exception {
        UUID businessId = UUID.fromString(namespace.getString("business"));
        String appUrl = config.getAppUrl();
        try (CommandDatabase database = new CommandDatabase(config)) {
            BillingService billing = new BillingService(
                    database.transactions(),
                    CallbackCloserApplication.billingProvider(config),
                    config.getPlans().toPlans(config.getStripe()),
                    Clock.systemUTC());
            switch (namespace.getString(ACTION)) {
                case "usage" -> print(billing.usage(businessId));
                case "checkout" ->
                    out.println(billing.startCheckout(new StartCheckout(
                            businessId,
                            PlanTier.valueOf(namespace.getString("plan").toUpperCase(Locale.ROOT)),
                            appUrl + "/billing?checkout=success",
                            appUrl + "/billing?checkout=canceled")));
                case "portal" ->
                    out.println(billing.openPortal(new OpenBillingPortal(businessId, appUrl + "/billing")));
                default -> throw new IllegalArgumentException("unknown action");
            }
        }
    }

    private void print(Usage usage) {
        out.printf(
                "plan=%s used=%d limit=%d remaining=%d period=%s..%s billingRequiredLeads=%d pause=%s%n%s%n",
                usage.tier().displayName(),
                usage.used(),
                usage.limit(),
                usage.remaining(),
                usage.period().start(),
                usage.period().end(),
                usage.billingRequiredLeads(),
                usage.pauseReason().code(),
                usage.pauseSentence());
    }
}
