package com.callbackcloser.api.resources.owner;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.servlets.CorrelationIdFilter;
import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.InvalidQueryException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.MDC;

/**
 * What every owner resource needs from a request: the actor, enum fields parsed with a 422 naming them, and
 * query dates parsed with a 400 naming them.
 */
final class Requests {
    private Requests() {}

    static Actor actor(AuthenticatedUser user) {
        return new Actor(user.subject(), MDC.get(CorrelationIdFilter.MDC_KEY));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value != null && !value.isBlank()) {
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new InvalidInputException(
                field,
                field + " is one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")));
    }

    /** A calendar day as ISO-8601 writes it (2026-11-01); null when absent or blank. */
    static LocalDate day(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(parameter, parameter + " is a day written YYYY-MM-DD, e.g. 2026-11-01");
        }
    }

    static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body is required");
        }
        return body;
    }
}
