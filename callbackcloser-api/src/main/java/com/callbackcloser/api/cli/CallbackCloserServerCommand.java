package com.callbackcloser.api.cli;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.db.DatabaseNotMigratedException;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/** Dropwizard's {@code server}, which says "run db migrate first" in a line instead of a stack trace. */
public final class CallbackCloserServerCommand extends ServerCommand<CallbackCloserConfiguration> {
    public CallbackCloserServerCommand(Application<CallbackCloserConfiguration> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof DatabaseNotMigratedException notMigrated) {
            cli.getStdErr().println("error: " + notMigrated.instruction(namespace.getString("file")));
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
