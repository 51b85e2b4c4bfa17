package com.callbackcloser.api.views;

/**
 * Signing in: the identity provider's button (OpenID Connect), and outside production the form that signs in as
 * any name. {@code formToken} is the sign-in form's own CSRF token (the visitor has no session yet).
 */
public final class SignInPage extends Page {
    private final String returnTo;
    private final boolean oidc;
    private final boolean development;
    private final String formToken;
    private final String notice;
    private final String error;
    private final String name;

    SignInPage(
            Chrome chrome,
            String returnTo,
            boolean oidc,
            boolean development,
            String formToken,
            String notice,
            String error,
            String name) {
        super("sign-in.ftlh", chrome);
        this.returnTo = returnTo;
        this.oidc = oidc;
        this.development = development;
        this.formToken = formToken;
        this.notice = notice;
        this.error = error;
        this.name = name;
    }

    public String getReturnTo() {
        return returnTo;
    }

    public String getOidcHref() {
        return "/auth/start?return_to=" + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean isOidc() {
        return oidc;
    }

    public boolean isDevelopment() {
        return development;
    }

    public String getFormToken() {
        return formToken;
    }

    public String getNotice() {
        return notice;
    }

    public String getError() {
        return error;
    }

    public String getName() {
        return name;
    }
}
