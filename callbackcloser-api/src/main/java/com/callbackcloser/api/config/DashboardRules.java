package com.callbackcloser.api.config;

import java.util.ArrayList;
import java.util.List;

/** The dashboard's share of the production rules: sign-in is OpenID Connect, configured whole, never by name. */
final class DashboardRules {
    private DashboardRules() {}

    static List<ConfigurationProblem> check(CallbackCloserConfiguration config) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        DashboardConfiguration dashboard = config.getDashboard();
        if (dashboard.devSignInRequested()) {
            problems.add(
                    new ConfigurationProblem(
                            "DASHBOARD_DEV_SIGN_IN",
                            "the development sign-in lets anyone in as anyone they type",
                            "remove it (production never offers it); owners sign in with OpenID Connect (AUTH_OIDC_CLIENT_ID)"));
        }
        if (dashboard.oidcConfigured() && config.getAuth().getJwtIssuer().isBlank()) {
            problems.add(new ConfigurationProblem(
                    "AUTH_JWT_ISSUER",
                    "missing: the dashboard's sign-in (AUTH_OIDC_CLIENT_ID is set) has no identity provider",
                    "set the provider's issuer URL; its /.well-known/openid-configuration must answer"));
        }
        if (dashboard.oidcConfigured() && dashboard.getOidcClientSecret().isBlank()) {
            problems.add(new ConfigurationProblem(
                    "AUTH_OIDC_CLIENT_SECRET",
                    "missing: the identity provider will refuse the dashboard's token requests",
                    "set the client secret the provider issued with AUTH_OIDC_CLIENT_ID"));
        }
        if (!dashboard.oidcConfigured() && !dashboard.getOidcClientSecret().isBlank()) {
            problems.add(new ConfigurationProblem(
                    "AUTH_OIDC_CLIENT_ID",
                    "missing while AUTH_OIDC_CLIENT_SECRET is set: nobody can sign in to the dashboard",
                    "set the client id the provider issued"));
        }
        return problems;
    }
}
