package com.callbackcloser.api.views;

import java.util.List;

/** A refusal or a failure, said as a page: what happened and what to do next. */
public final class ErrorPage extends Page {
    private final int status;
    private final String heading;
    private final String message;
    private final boolean fragment;

    private ErrorPage(Chrome chrome, int status, String heading, String message, boolean fragment) {
        super(fragment ? "error-fragment.ftlh" : "error.ftlh", chrome);
        this.status = status;
        this.heading = heading;
        this.message = message;
        this.fragment = fragment;
    }

    /** A page with the site's frame but no navigation (the user may not be known). */
    static ErrorPage of(int status, String heading, String message) {
        return new ErrorPage(
                new Chrome(heading, null, null, List.of(), null, "", "", Dashboard.assets(), false, false),
                status,
                heading,
                message,
                false);
    }

    /** For an htmx request: only the message, to be swapped in where the answer was expected. */
    static ErrorPage fragment(int status, String message) {
        return new ErrorPage(
                new Chrome("", null, null, List.of(), null, "", "", Dashboard.assets(), false, false),
                status,
                "",
                message,
                true);
    }

    public int getStatus() {
        return status;
    }

    public String getHeading() {
        return heading;
    }

    public String getMessage() {
        return message;
    }

    public boolean isFragment() {
        return fragment;
    }
}
