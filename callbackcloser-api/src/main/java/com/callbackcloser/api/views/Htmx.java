package com.callbackcloser.api.views;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/** What htmx adds to its requests: the page may answer with a fragment instead of a whole page. */
final class Htmx {
    static final String REQUEST = "HX-Request";
    static final String CURRENT_URL = "HX-Current-URL";

    private Htmx() {}

    static boolean isHtmx(ContainerRequestContext request) {
        return "true".equals(request.getHeaderString(REQUEST));
    }

    static boolean isHtmx(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString(REQUEST));
    }
}
