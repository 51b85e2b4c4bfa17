package com.callbackcloser.api.views;

import com.callbackcloser.api.errors.FieldErrorMessage;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;

/**
 * The core's refusals reach the dashboard as the API's error JSON (its exception mappers are shared); here they
 * become pages. Another tenant's lead is the API's 404, said in words: the rule is decided once, in the core.
 */
@DashboardPage
public final class ErrorPageFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        String message;
        if (entity instanceof ErrorMessage error) {
            message = error.getMessage();
        } else if (entity instanceof FieldErrorMessage error) {
            message = error.message();
        } else {
            return;
        }
        int status = response.getStatus();
        ErrorPage page =
                Htmx.isHtmx(request) ? ErrorPage.fragment(status, sentence(status, message)) : page(status, message);
        response.setEntity(page, new java.lang.annotation.Annotation[0], MediaType.TEXT_HTML_TYPE);
        response.getHeaders().putSingle("Content-Type", MediaType.TEXT_HTML + ";charset=UTF-8");
    }

    private static ErrorPage page(int status, String message) {
        return switch (status) {
            case 404 ->
                ErrorPage.of(
                        404,
                        "Not found",
                        "There is nothing here, or it belongs to a business you are not a member of.");
            case 403 -> ErrorPage.of(403, "Not allowed", sentence(status, message));
            case 500, 503 ->
                ErrorPage.of(status, "Something went wrong on our side", "Nothing you did: try again in a minute.");
            default -> ErrorPage.of(status, "That did not work", sentence(status, message));
        };
    }

    private static String sentence(int status, String message) {
        if (status >= 500) {
            return "Something went wrong on our side. Try again in a minute.";
        }
        if (message == null || message.isBlank()) {
            return "That did not work.";
        }
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
