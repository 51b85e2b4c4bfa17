package com.callbackcloser.api.views;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.webjars.WebJarVersionLocator;

/**
 * The URLs of the pages' stylesheet and scripts. Ours carry a hash of their content and htmx's its version, so
 * browsers may keep them for a year: a new release has new URLs. The htmx configuration travels in a meta tag
 * (inline scripts are not allowed by the Content-Security-Policy): no eval, no script tags from responses, no
 * injected styles, no history cache (it would keep callers' numbers in localStorage), and 409 and 422 answers
 * swapped in so a refused form shows its message.
 */
public record Assets(String stylesheet, String script, String htmx, String htmxConfig) {
    static final String OWN_RESOURCES = "/dashboard/assets";
    static final String OWN_PATH = "/assets";
    static final String WEBJARS_PATH = "/webjars";

    private static final String HTMX_CONFIG = "{\"includeIndicatorStyles\":false,\"allowEval\":false,"
            + "\"allowScriptTags\":false,\"selfRequestsOnly\":true,\"historyCacheSize\":0,"
            + "\"refreshOnHistoryMiss\":true,\"attributesToSettle\":[\"class\",\"width\",\"height\"],"
            + "\"defaultSwapStyle\":\"outerHTML\",\"responseHandling\":[{\"code\":\"204\",\"swap\":false},"
            + "{\"code\":\"[23]..\",\"swap\":true},{\"code\":\"409\",\"swap\":true},{\"code\":\"422\",\"swap\":true},"
            + "{\"code\":\"[45]..\",\"swap\":false,\"error\":true}]}";

    static Assets load() {
        String htmx = new WebJarVersionLocator().path("htmx.org", "dist/htmx.min.js");
        if (htmx == null) {
            throw new IllegalStateException("the htmx.org webjar is not on the classpath");
        }
        return new Assets(own("app.css"), own("app.js"), WEBJARS_PATH + "/" + htmx, HTMX_CONFIG);
    }

    private static String own(String name) {
        String resource = OWN_RESOURCES + "/" + name;
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing dashboard asset " + resource);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return OWN_PATH + "/" + name + "?v=" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
