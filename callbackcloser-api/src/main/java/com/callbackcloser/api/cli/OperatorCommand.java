package com.callbackcloser.api.cli;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.db.DatabaseNotMigratedException;
import com.callbackcloser.core.model.RefusedException;
import com.callbackcloser.core.port.out.DuplicateKeyException;
import com.callbackcloser.core.port.out.ExternalServiceException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * An operator's command: a refusal the operator can act on (bad input, unknown business, Stripe saying no, a
 * database that was never migrated) is one line on stderr, not a stack trace; anything unexpected still prints its trace. Either way the exit
 * status is non-zero.
 */
abstract class OperatorCommand extends ConfiguredCommand<CallbackCloserConfiguration> {

    protected OperatorCommand(String name, String description) {
        super(name, description);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof DatabaseNotMigratedException notMigrated) {
            cli.getStdErr().println("error: " + notMigrated.instruction(namespace.getString("file")));
        } else if (e instanceof IllegalArgumentException
                || e instanceof CommandFailedException
                || e instanceof RefusedException
                || e instanceof ExternalServiceException
                || e instanceof DuplicateKeyException) {
            cli.getStdErr().println("error: " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
