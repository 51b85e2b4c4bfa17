package com.callbackcloser.api.tasks;

import io.dropwizard.servlets.tasks.LogConfigurationTask;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/log-level?logger=NAME&level=DEBUG[&duration=PT10M]}: Dropwizard's task of that name, which
 * this one replaces, except that it refuses the HTTP clients' header and wire loggers ({@link WireLoggers}).
 */
public final class LogLevelTask extends Task implements ParameterCheckedTask {
    private final LogConfigurationTask levels = new LogConfigurationTask();

    public LogLevelTask() {
        super("log-level");
    }

    @Override
    public void checkParameters(Map<String, List<String>> parameters) {
        for (String logger : parameters.getOrDefault("logger", List.of())) {
            if (WireLoggers.isWireLogger(logger.strip())) {
                throw new IllegalArgumentException(logger
                        + " logs the HTTP clients' requests as sent, credentials included (Twilio's Authorization:"
                        + " Basic): its level cannot be changed");
            }
        }
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) throws Exception {
        checkParameters(parameters);
        levels.execute(parameters, output);
    }
}
