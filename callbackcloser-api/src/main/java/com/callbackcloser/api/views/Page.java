package com.callbackcloser.api.views;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/** A dashboard page (or fragment): a FreeMarker template of this package, with its {@link Chrome}. */
public abstract class Page extends View {
    /** What pages are: HTML in UTF-8, said in the header too, so no browser has to guess. */
    public static final String HTML = "text/html;charset=UTF-8";

    private final Chrome chrome;

    protected Page(String template, Chrome chrome) {
        super(template, StandardCharsets.UTF_8);
        this.chrome = chrome;
    }

    public Chrome getChrome() {
        return chrome;
    }
}
