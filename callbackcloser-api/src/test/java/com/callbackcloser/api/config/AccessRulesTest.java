package com.callbackcloser.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.validation.Validation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who can reach the service's controls: the admin port's binding and token, and the owner API's JWT audience. */
class AccessRulesTest {
    private static final String ADMIN = "ADMIN_BIND_HOST / ADMIN_TOKEN";

    @Test
    void theShippedConfigurationBindsTheAdminPortToLoopbackOnly() throws Exception {
        CallbackCloserConfiguration shipped = new YamlConfigurationFactory<>(
                        CallbackCloserConfiguration.class,
                        Validation.buildDefaultValidatorFactory().getValidator(),
                        Jackson.newObjectMapper(),
                        "dw")
                .build(
                        new SubstitutingSourceProvider(
                                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
                        "../config.yml");

        DefaultServerFactory server = (DefaultServerFactory) shipped.getServerFactory();
        assertThat(server.getAdminConnectors())
                .singleElement()
                .extracting(connector -> ((HttpConnectorFactory) connector).getBindHost())
                .isEqualTo(System.getenv().getOrDefault("ADMIN_BIND_HOST", "127.0.0.1"));
    }

    @Test
    void anAdminPortOpenBeyondLoopbackWithoutATokenIsRefused() {
        for (String host : Arrays.asList(null, "0.0.0.0", "::", "[::]", "10.1.2.3", "192.168.0.10", "admin.internal")) {
            List<ConfigurationProblem> problems = ProductionRules.check(production(host));

            assertThat(problems).as(String.valueOf(host)).anySatisfy(problem -> {
                assertThat(problem.setting()).isEqualTo(ADMIN);
                assertThat(problem.problem()).contains(host == null ? "every interface" : host);
                assertThat(problem.fix()).contains("127.0.0.1").contains("ADMIN_TOKEN");
            });
        }
    }

    @Test
    void anAdminPortOnLoopbackNeedsNoToken() {
        for (String host : List.of("127.0.0.1", "localhost", "LOCALHOST", "::1", "[::1]", "127.0.0.53")) {
            assertThat(ProductionRules.check(production(host))).as(host).isEmpty();
        }
    }

    @Test
    void withALongTokenTheAdminPortMayListenOnEveryInterface() {
        CallbackCloserConfiguration config = production("0.0.0.0");
        config.getAdminAccess().setToken("0123456789abcdef0123456789abcdef");

        assertThat(ProductionRules.check(config)).isEmpty();

        config.getAdminAccess().setToken("0123456789abcdef0123456789abcde");
        assertThat(ProductionRules.check(config)).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("ADMIN_TOKEN");
            assertThat(problem.problem()).contains("shorter than 32 characters");
            assertThat(problem.fix()).contains("openssl rand -hex 32");
        });
    }

    @Test
    void aSimpleServerPutsTheAdminOnTheApplicationConnector() {
        CallbackCloserConfiguration config = production("127.0.0.1");
        SimpleServerFactory simple = new SimpleServerFactory();
        config.setServerFactory(simple);

        assertThat(ProductionRules.check(config))
                .extracting(ConfigurationProblem::setting)
                .containsExactly(ADMIN);

        ((HttpConnectorFactory) simple.getConnector()).setBindHost("127.0.0.1");
        assertThat(ProductionRules.check(config)).isEmpty();
    }

    @Test
    void jwtsWithoutAnAudienceAreRefusedNamingTheSettingAndItsFix() {
        CallbackCloserConfiguration config = production("127.0.0.1");
        config.getAuth().setJwtIssuer("https://clerk.example.com");
        config.getAuth().setJwksUrl("https://clerk.example.com/.well-known/jwks.json");

        assertThat(ProductionRules.check(config)).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("AUTH_JWT_AUDIENCE");
            assertThat(problem.problem()).contains("another application");
            assertThat(problem.fix()).contains("aud");
        });

        config.getAuth().setAudience("callbackcloser-api");
        assertThat(ProductionRules.check(config)).isEmpty();
    }

    /** A production configuration that breaks no other rule, its admin port bound to {@code adminHost}. */
    static CallbackCloserConfiguration production(String adminHost) {
        CallbackCloserConfiguration config = new CallbackCloserConfiguration();
        config.setAppEnv(AppEnv.PRODUCTION);
        config.setAppUrl("https://callbacks.example.com");
        config.getDatabase().setUrl("postgres://u:p@db.example.com/app?sslmode=require");
        config.getTwilio().setValidateSignature(true);
        config.getTwilio().setAccountSid("AC0123");
        config.getTwilio().setAuthToken("secret");
        config.getStripe().setSecretKey("sk_live_x");
        config.getStripe().setWebhookSecret("whsec_x");
        config.getStripe().setPriceStarter("price_a");
        config.getStripe().setPricePro("price_b");
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        ((HttpConnectorFactory) server.getAdminConnectors().get(0)).setBindHost(adminHost);
        return config;
    }
}
