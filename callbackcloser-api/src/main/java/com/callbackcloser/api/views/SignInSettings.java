package com.callbackcloser.api.views;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.util.Map;

/**
 * How this deployment signs people in (OpenID Connect when configured, the name form outside production when
 * allowed), and the two short-lived cookies of a sign-in: the name form's CSRF token, and the OpenID Connect
 * state that ties the provider's answer to the browser that asked.
 *
 * @param oidc null when OpenID Connect sign-in is not configured
 */
record SignInSettings(OidcSignIn oidc, boolean development, boolean secureCookies, Duration signInTimeout) {
    static final String FORM_COOKIE = "cc_sign_in_form";
    static final String STATE_COOKIE = "cc_oidc_state";

    boolean anyWay() {
        return oidc != null || development;
    }

    NewCookie formCookie(String token) {
        return cookie(FORM_COOKIE, token, "/sign-in", Duration.ofHours(1), NewCookie.SameSite.STRICT);
    }

    NewCookie stateCookie(String state) {
        return cookie(STATE_COOKIE, state, "/auth", signInTimeout, NewCookie.SameSite.LAX);
    }

    NewCookie clearStateCookie() {
        return cookie(STATE_COOKIE, "", "/auth", Duration.ZERO, NewCookie.SameSite.LAX);
    }

    static String value(Map<String, Cookie> cookies, String name) {
        Cookie cookie = cookies.get(name);
        return cookie == null ? null : cookie.getValue();
    }

    private NewCookie cookie(String name, String value, String path, Duration lifetime, NewCookie.SameSite sameSite) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .maxAge((int) lifetime.toSeconds())
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(sameSite)
                .build();
    }
}
