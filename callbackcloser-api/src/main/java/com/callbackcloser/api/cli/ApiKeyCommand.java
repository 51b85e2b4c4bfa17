package com.callbackcloser.api.cli;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.IssuedApiKey;
import com.callbackcloser.core.service.ApiKeyService;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code api-key create config.yml --subject USER [--name NAME]}: bootstraps API access for a user (e.g. before an
 * identity provider is set up). The secret is printed once; only its hash is stored.
 */
public final class ApiKeyCommand extends OperatorCommand {
    private final PrintStream out;

    public ApiKeyCommand() {
        this(System.out);
    }

    ApiKeyCommand(PrintStream out) {
        super("api-key", "Create an API key for a user");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        Subparser create = subparser
                .addSubparsers()
                .addParser("create")
                .setDefault("action", "create")
                .description("Create an API key acting as the given user (subject)");
        addFileArgument(create);
        create.addArgument("--subject").required(true).help("the user the key acts as (the identity provider's sub)");
        create.addArgument("--name").setDefault("operator bootstrap").help("a name to recognise the key by");
    }

    @Override
    protected void run(
            Bootstrap<CallbackCloserConfiguration> bootstrap, Namespace namespace, CallbackCloserConfiguration config)
            throws Exception {
        try (CommandDatabase database = new CommandDatabase(config)) {
            IssuedApiKey issued = new ApiKeyService(database.transactions(), Clock.systemUTC())
                    .issue(new Actor(namespace.getString("subject"), "cli"), namespace.getString("name"));
            out.println("id=" + issued.key().id() + " subject=" + issued.key().subject() + " name="
                    + issued.key().name());
            out.println(issued.secret());
            System.err.println("Store the key now: it is not shown again.");
        }
    }
}
