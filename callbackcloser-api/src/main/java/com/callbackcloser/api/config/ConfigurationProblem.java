package com.callbackcloser.api.config;

/** One thing wrong with the configuration, said so an operator can fix it. */
public record ConfigurationProblem(String setting, String problem, String fix) {
    @Override
    public String toString() {
        return setting + ": " + problem + " (" + fix + ")";
    }
}
