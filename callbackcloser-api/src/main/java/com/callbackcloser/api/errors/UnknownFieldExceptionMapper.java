package com.callbackcloser.api.errors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * A JSON body with a field the owner API does not know: 422 naming it (its path in the body, e.g.
 * {@code weekly.monday[0].close}) and, for a near miss ({@code timezone}), the field it resembles. Dropped without a
 * word, a typo would leave the setting unchanged while the request "succeeded".
 */
public final class UnknownFieldExceptionMapper implements ExceptionMapper<UnrecognizedPropertyException> {

    @Override
    public Response toResponse(UnrecognizedPropertyException e) {
        String field = path(e);
        String message = "unknown field " + field
                + meant(e.getPropertyName(), e.getKnownPropertyIds())
                        .map(known -> "; did you mean " + known + "?")
                        .orElse("");
        return Response.status(422)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new FieldErrorMessage(422, message, field))
                .build();
    }

    private static String path(UnrecognizedPropertyException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? e.getPropertyName() : path.toString();
    }

    /** The known field that differs only in case, underscores or dashes. */
    private static Optional<String> meant(String unknown, Collection<Object> known) {
        String wanted = squash(unknown);
        return known == null
                ? Optional.empty()
                : known.stream()
                        .map(String::valueOf)
                        .filter(candidate -> squash(candidate).equals(wanted))
                        .findFirst();
    }

    private static String squash(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
