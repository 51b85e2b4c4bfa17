package com.callbackcloser.api.health;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.config.ConfigurationProblem;
import com.callbackcloser.api.config.ProductionRules;
import com.codahale.metrics.health.HealthCheck;
import java.util.List;
import java.util.stream.Collectors;

/** Whether the production rules hold. In development a broken rule is reported but does not make it unhealthy. */
public final class ConfigurationHealthCheck extends HealthCheck {
    private final CallbackCloserConfiguration config;

    public ConfigurationHealthCheck(CallbackCloserConfiguration config) {
        this.config = config;
    }

    @Override
    protected Result check() {
        List<ConfigurationProblem> problems = ProductionRules.check(config);
        if (problems.isEmpty()) {
            return Result.healthy("production rules hold");
        }
        String list = problems.stream().map(ConfigurationProblem::toString).collect(Collectors.joining("; "));
        return config.isProduction()
                ? Result.unhealthy(list)
                : Result.healthy("development: production would refuse to start: " + list);
    }
}
