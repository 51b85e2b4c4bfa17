package com.callbackcloser.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.api.testing.CommandLine;
import org.junit.jupiter.api.Test;

class DashboardRulesTest {

    @Test
    void theDevelopmentSignInIsOnOutsideProductionAndNeverInProduction() {
        DashboardConfiguration dashboard = new DashboardConfiguration();
        assertThat(dashboard.devSignInEnabled(false)).isTrue();
        assertThat(dashboard.devSignInEnabled(true)).isFalse();
        dashboard.setDevSignIn("true");
        assertThat(dashboard.devSignInEnabled(true))
                .as("whatever the configuration says")
                .isFalse();
        dashboard.setDevSignIn("false");
        assertThat(dashboard.devSignInEnabled(false)).isFalse();
        assertThatThrownBy(() -> dashboard.setDevSignIn("yes")).hasMessageContaining("DASHBOARD_DEV_SIGN_IN");
    }

    @Test
    void productionRefusesTheDevelopmentSignInWhenItIsAskedFor() {
        CallbackCloserConfiguration config = new CallbackCloserConfiguration();
        assertThat(DashboardRules.check(config)).isEmpty();
        config.getDashboard().setDevSignIn("true");
        assertThat(ProductionRules.check(config))
                .extracting(ConfigurationProblem::setting)
                .contains("DASHBOARD_DEV_SIGN_IN");
    }

    @Test
    void anOpenIdConnectClientNeedsItsSecretAndAnIssuer() {
        CallbackCloserConfiguration config = new CallbackCloserConfiguration();
        config.getDashboard().setOidcClientId("dashboard");
        assertThat(DashboardRules.check(config))
                .extracting(ConfigurationProblem::setting)
                .containsExactly("AUTH_JWT_ISSUER", "AUTH_OIDC_CLIENT_SECRET");
        config.getAuth().setJwtIssuer("https://clerk.example.com");
        config.getDashboard().setOidcClientSecret("secret");
        assertThat(DashboardRules.check(config)).isEmpty();
        config.getDashboard().setOidcClientId("");
        assertThat(DashboardRules.check(config))
                .extracting(ConfigurationProblem::setting)
                .containsExactly("AUTH_OIDC_CLIENT_ID");
    }

    @Test
    void checkSaysSoWhenProductionIsConfiguredWithTheDevelopmentSignIn() {
        CommandLine.Run run = CommandLine.run("check", CommandLine.config("""
                                appEnv: production
                                appUrl: https://callbacks.example.com
                                database:
                                  url: "postgres://app:secret@db.example.com/app?sslmode=require"
                                twilio:
                                  accountSid: AC123
                                  authToken: secret
                                  validateSignature: true
                                stripe:
                                  secretKey: sk_live_1
                                  webhookSecret: whsec_1
                                  priceStarter: price_a
                                  pricePro: price_b
                                dashboard:
                                  devSignIn: "true"
                                server:
                                  adminConnectors:
                                    - type: http
                                      port: 8081
                                      bindHost: 127.0.0.1
                                logging:
                                  level: WARN
                                """).toString());
        assertThat(run.failed()).isTrue();
        assertThat(run.out())
                .contains("1 problem(s):")
                .contains("DASHBOARD_DEV_SIGN_IN: the development sign-in lets anyone in as anyone they type");
    }
}
