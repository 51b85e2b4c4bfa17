package com.callbackcloser.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import org.junit.jupiter.api.Test;

class ProductionRulesTest {

    @Test
    void aDevelopmentDefaultConfigurationBreaksEveryProductionRule() {
        assertThat(ProductionRules.check(new CallbackCloserConfiguration()))
                .extracting(ConfigurationProblem::setting)
                .containsExactly(
                        "TWILIO_VALIDATE_SIGNATURE",
                        "TWILIO_AUTH_TOKEN",
                        "TWILIO_ACCOUNT_SID",
                        "STRIPE_SECRET_KEY",
                        "STRIPE_WEBHOOK_SECRET",
                        "STRIPE_PRICE_STARTER / STRIPE_PRICE_PRO",
                        "DATABASE_URL",
                        "APP_URL",
                        "ADMIN_BIND_HOST / ADMIN_TOKEN");
    }

    @Test
    void aCompleteProductionConfigurationBreaksNone() {
        CallbackCloserConfiguration config = new CallbackCloserConfiguration();
        config.setAppEnv(AppEnv.PRODUCTION);
        config.setAppUrl("https://callbacks.example.com/");
        config.getDatabase().setUrl("postgres://u:p@db.example.com/app?sslmode=require");
        config.getTwilio().setValidateSignature(true);
        config.getTwilio().setAccountSid("AC0123");
        config.getTwilio().setAuthToken("secret");
        config.getStripe().setSecretKey("sk_live_x");
        config.getStripe().setWebhookSecret("whsec_x");
        config.getStripe().setPriceStarter("price_a");
        config.getStripe().setPricePro("price_b");
        ((HttpConnectorFactory) ((DefaultServerFactory) config.getServerFactory())
                        .getAdminConnectors()
                        .get(0))
                .setBindHost("127.0.0.1");

        assertThat(ProductionRules.check(config)).isEmpty();
        assertThat(config.getAppUrl()).isEqualTo("https://callbacks.example.com");
    }

    @Test
    void tokensAreListedCurrentFirstWithoutBlanksOrRepeats() {
        TwilioConfiguration twilio = new TwilioConfiguration();
        twilio.setWebhookAuthToken(" new ");
        twilio.setPreviousWebhookAuthTokens("old, ,older,new");

        assertThat(twilio.acceptedWebhookTokens()).containsExactly("new", "old", "older");
    }
}
