package com.callbackcloser.api.cli;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.config.ConfigurationProblem;
import com.callbackcloser.api.config.ProductionRules;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code check config.yml}: after Dropwizard's own validation (which ran to load the file), the production rules,
 * every broken one listed with the setting and how to fix it. Exits non-zero on any, so a deploy can gate on it.
 */
public final class CheckCommand extends OperatorCommand {
    private final PrintStream out;

    public CheckCommand() {
        this(System.out);
    }

    CheckCommand(PrintStream out) {
        super("check", "Check a configuration against the production rules");
        this.out = out;
    }

    @Override
    protected void run(
            Bootstrap<CallbackCloserConfiguration> bootstrap, Namespace namespace, CallbackCloserConfiguration config) {
        List<ConfigurationProblem> problems = ProductionRules.check(config);
        if (problems.isEmpty()) {
            out.println("OK: the configuration satisfies every production rule");
            return;
        }
        out.println(problems.size() + " problem(s):");
        for (ConfigurationProblem problem : problems) {
            out.println("  " + problem.setting() + ": " + problem.problem());
            out.println("    fix: " + problem.fix());
        }
        throw new CommandFailedException(problems.size() + " production rule(s) broken");
    }
}
