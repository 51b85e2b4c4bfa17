package com.callbackcloser.api.views;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where a browser goes after signing in: a path of this site and nothing else, so a link such as
 * {@code /sign-in?return_to=https://evil.example} (or {@code //evil.example}, {@code /\evil.example}) can never
 * send a freshly signed-in owner elsewhere.
 */
final class ReturnTo {
    static final String HOME = "/leads";
    private static final int MAX_LENGTH = 2000;

    private ReturnTo() {}

    /** The path and query of {@code value} when it is a same-site path; empty otherwise. */
    static Optional<String> sanitize(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        // Browsers read a backslash as a slash and drop tabs and newlines: "/\evil" and "/\t/evil" are other sites.
        if (!value.startsWith("/")
                || value.startsWith("//")
                || value.chars().anyMatch(c -> c == '\\' || c < 0x21 || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null) {
                return Optional.empty();
            }
            String path = uri.getRawPath();
            if (!path.startsWith("/")
                    || path.startsWith("//")
                    || path.startsWith("/auth/")
                    || path.startsWith("/sign-")) {
                return Optional.empty();
            }
            return Optional.of(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static String orHome(String value) {
        return sanitize(value).orElse(HOME);
    }

    /** The same-site path of an absolute URL of this site (a Referer, htmx's HX-Current-URL), else empty. */
    static Optional<String> ofPageUrl(String url, String siteOrigin) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String origin = uri.getScheme() + "://" + uri.getRawAuthority();
            if (uri.getScheme() == null || uri.getRawAuthority() == null || !origin.equalsIgnoreCase(siteOrigin)) {
                return Optional.empty();
            }
            return sanitize(uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
