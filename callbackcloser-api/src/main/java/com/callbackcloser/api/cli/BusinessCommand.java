package com.callbackcloser.api.cli;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.BusinessSettings;
import com.callbackcloser.core.model.NewBusiness;
import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.model.TextTiming;
import com.callbackcloser.core.port.out.DuplicateKeyException;
import com.callbackcloser.core.service.BusinessRegistry;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code business create|list|subscription config.yml …}: lets an operator set up and inspect businesses
 * before (and besides) the owner API.
 */
public final class BusinessCommand extends OperatorCommand {
    private static final String ACTION = "action";
    private final PrintStream out;

    public BusinessCommand() {
        this(System.out);
    }

    BusinessCommand(PrintStream out) {
        super("business", "Create and list businesses, and set their subscription status");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        Subparser create = subparser
                .addSubparsers()
                .addParser("create")
                .setDefault(ACTION, "create")
                .description("Create a business with a Twilio number that forwards to the owner's phone");
        addFileArgument(create);
        create.addArgument("--name").required(true).help("business name (2-120 characters)");
        create.addArgument("--forwarding").required(true).help("the owner's phone that calls are forwarded to");
        create.addArgument("--twilio-number").dest("twilioNumber").help("the business's Twilio number");
        create.addArgument("--notify").help("phone that gets lead summaries");
        create.addArgument("--owner")
                .help("who owns it: the identity provider's user id (sub), or the name typed at the development"
                        + " sign-in; they see it in the dashboard");
        create.addArgument("--missed-call-seconds")
                .dest("missedCallSeconds")
                .type(Integer.class)
                .setDefault(Business.DEFAULT_MISSED_CALL_SECONDS)
                .help("ring time before a call counts as missed (5-90)");
        create.addArgument("--time-zone")
                .dest("timeZone")
                .setDefault(Business.DEFAULT_TIME_ZONE.getId())
                .help("IANA time zone, e.g. America/Chicago");
        create.addArgument("--subscription")
                .setDefault("inactive")
                .choices(statusChoices())
                .help("subscription status until Stripe sets it (active switches texting on)");
        create.addArgument("--plan")
                .setDefault("starter")
                .choices(planChoices())
                .help("the plan given by hand with an active subscription (its monthly conversation limit)");

        Subparser list = subparser
                .addSubparsers()
                .addParser("list")
                .setDefault(ACTION, "list")
                .description("List businesses");
        addFileArgument(list);

        Subparser subscription = subparser
                .addSubparsers()
                .addParser("subscription")
                .setDefault(ACTION, "subscription")
                .description("Set a business's subscription status by hand");
        addFileArgument(subscription);
        subscription.addArgument("--id").required(true).help("business id");
        subscription.addArgument("--status").required(true).choices(statusChoices());
        subscription.addArgument("--plan").setDefault("starter").choices(planChoices());
    }

    @Override
    protected void run(
            Bootstrap<CallbackCloserConfiguration> bootstrap, Namespace namespace, CallbackCloserConfiguration config)
            throws Exception {
        try (CommandDatabase database = new CommandDatabase(config)) {
            BusinessRegistry registry = new BusinessRegistry(database.transactions(), Clock.systemUTC());
            switch (namespace.getString(ACTION)) {
                case "create" -> create(registry, namespace);
                case "list" -> registry.listAll().forEach(this::print);
                case "subscription" -> {
                    registry.setManualSubscription(
                            UUID.fromString(namespace.getString("id")),
                            status(namespace.getString("status")),
                            plan(namespace.getString("plan")));
                    out.println("updated");
                }
                default -> throw new IllegalArgumentException("unknown action");
            }
        }
    }

    private void create(BusinessRegistry registry, Namespace namespace) {
        NewBusiness business;
        try {
            business = new NewBusiness(
                    new BusinessSettings(
                            namespace.getString("name"),
                            namespace.getString("forwarding"),
                            namespace.getString("notify"),
                            namespace.getInt("missedCallSeconds"),
                            ServiceLabels.DEFAULTS,
                            BusinessSettings.timeZone(namespace.getString("timeZone")),
                            TextTiming.DEFAULTS,
                            false),
                    namespace.getString("twilioNumber"),
                    status(namespace.getString("subscription")),
                    status(namespace.getString("subscription")) == SubscriptionStatus.ACTIVE
                            ? plan(namespace.getString("plan"))
                            : null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid business: " + e.getMessage(), e);
        }
        try {
            print(registry.register(business, namespace.getString("owner")));
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private void print(Business business) {
        out.printf(
                "%s  %-30s  twilio=%-13s  forwarding=%-13s  notify=%-13s  subscription=%s  price=%s%n",
                business.id(),
                business.name(),
                business.twilioNumber(),
                business.forwardingNumber(),
                business.notifyPhone(),
                business.subscription().status(),
                business.subscription().priceId());
    }

    private static SubscriptionStatus status(String value) {
        return SubscriptionStatus.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private static PlanTier plan(String value) {
        return PlanTier.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private static String[] planChoices() {
        return Arrays.stream(PlanTier.values())
                .map(tier -> tier.name().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
    }

    private static String[] statusChoices() {
        return Arrays.stream(SubscriptionStatus.values())
                .map(status -> status.name().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
    }
}
