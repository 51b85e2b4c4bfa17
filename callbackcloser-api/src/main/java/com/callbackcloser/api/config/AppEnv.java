package com.callbackcloser.api.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** {@code APP_ENV}: production turns every safety rule into a refusal to start. */
public enum AppEnv {
    DEVELOPMENT,
    PRODUCTION;

    @JsonCreator
    public static AppEnv parse(String value) {
        if (value == null || value.isBlank()) {
            return DEVELOPMENT;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "production", "prod" -> PRODUCTION;
            case "development", "dev", "test", "local" -> DEVELOPMENT;
            default -> throw new IllegalArgumentException("APP_ENV is production or development, not " + value);
        };
    }
}
