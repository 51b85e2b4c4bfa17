package com.callbackcloser.api;

import static com.callbackcloser.api.testing.WebhookClient.encode;
import static com.callbackcloser.api.testing.WebhookClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.api.testing.WebhookClient;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.adapter.JdbiTransactionRunner;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Production refuses unsafe configurations at start, and accepts nothing but valid signatures. */
class ProductionStartupIT {
    private static final TestDatabase DATABASE = TestDatabase.create();
    private static final TwilioFake TWILIO = new TwilioFake();

    @AfterAll
    static void stopFake() {
        TWILIO.close();
    }

    @Test
    void productionWithSharedTokensOnlyRefusesToStartAndSaysWhy() {
        DropwizardTestSupport<CallbackCloserConfiguration> support = production(
                "twilio.validateSignature", "false",
                "twilio.webhookAuthToken", "a-shared-token",
                "twilio.accountSid", "",
                "appUrl", "http://callbacks.example.test");

        assertThatThrownBy(support::before)
                .hasStackTraceContaining("Refusing to start in production")
                .hasStackTraceContaining("TWILIO_VALIDATE_SIGNATURE")
                .hasStackTraceContaining("TWILIO_ACCOUNT_SID")
                .hasStackTraceContaining("APP_URL");
        support.after();
    }

    @Test
    void productionWithoutADatabaseUrlRefusesToStartRatherThanRunTheEmbeddedOne() {
        DropwizardTestSupport<CallbackCloserConfiguration> support = production("database.url", "embedded");

        assertThatThrownBy(support::before).hasStackTraceContaining("DATABASE_URL");
        support.after();
    }

    @Test
    void productionFailsClosedAcceptingOnlyValidSignatures() throws Exception {
        DropwizardTestSupport<CallbackCloserConfiguration> support =
                production("twilio.webhookAuthToken", "a-shared-token");
        support.before();
        try {
            Business business =
                    TestBusinesses.create(new JdbiTransactionRunner(DATABASE.jdbi()), SubscriptionStatus.ACTIVE);
            WebhookClient webhooks =
                    new WebhookClient(support.getLocalPort(), "https://callbacks.example.test", TwilioFake.AUTH_TOKEN);
            Map<String, String> call = params(
                    "CallSid",
                    "CA" + System.nanoTime(),
                    "From",
                    "+14155550123",
                    "To",
                    business.twilioNumber(),
                    "DialCallStatus",
                    "completed");

            HttpResponse<String> tokenOnly = webhooks.postRaw(
                    "/api/twilio/status?webhook_token=a-shared-token",
                    encode(call),
                    Map.of("X-Webhook-Token", "a-shared-token"));
            HttpResponse<String> signed = webhooks.post("/api/twilio/status", call);

            assertThat(tokenOnly.statusCode()).isEqualTo(401);
            assertThat(signed.statusCode()).isEqualTo(200);
        } finally {
            support.after();
        }
    }

    @Test
    void productionWithTheAdminPortOpenToTheNetworkAndNoTokenRefusesToStartAndSaysWhy() {
        DropwizardTestSupport<CallbackCloserConfiguration> support =
                production("server.adminConnectors[0].bindHost", "0.0.0.0");

        assertThatThrownBy(support::before)
                .hasStackTraceContaining("Refusing to start in production")
                .hasStackTraceContaining("ADMIN_BIND_HOST / ADMIN_TOKEN")
                .hasStackTraceContaining("0.0.0.0");
        support.after();
    }

    @Test
    void productionWithoutAJwtAudienceRefusesToStartAndSaysWhy() {
        DropwizardTestSupport<CallbackCloserConfiguration> support = production(
                "auth.jwtIssuer", "https://clerk.example.test", "auth.jwksUrl", "http://127.0.0.1:9/jwks.json");

        assertThatThrownBy(support::before)
                .hasStackTraceContaining("Refusing to start in production")
                .hasStackTraceContaining("AUTH_JWT_AUDIENCE");
        support.after();
    }

    @Test
    void productionWithoutAnAdminTokenAnswersHealthChecksButRefusesEveryTask() throws Exception {
        DropwizardTestSupport<CallbackCloserConfiguration> support = production();
        support.before();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String admin = "http://127.0.0.1:" + support.getAdminPort();

            HttpResponse<String> ping = http.send(
                    HttpRequest.newBuilder(URI.create(admin + "/ping")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(admin + "/healthcheck")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> gc = http.send(
                    HttpRequest.newBuilder(URI.create(admin + "/tasks/gc"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> retry = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(admin + "/tasks/retry-failed-messages?since=2026-01-01T00:00:00Z"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(ping.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"postgresql\"");
            assertThat(gc.statusCode()).isEqualTo(403);
            assertThat(gc.body()).contains("ADMIN_TOKEN");
            assertThat(retry.statusCode()).isEqualTo(403);
        } finally {
            support.after();
        }
    }

    private static DropwizardTestSupport<CallbackCloserConfiguration> production(String... overrides) {
        // Dropwizard keeps overrides in a set: one entry per key, or which one wins is a coin toss.
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("appEnv", "production");
        settings.put("database.url", DATABASE.jdbcUrl());
        settings.put("database.user", DATABASE.user());
        settings.put("twilio.validateSignature", "true");
        settings.put("twilio.accountSid", TwilioFake.ACCOUNT_SID);
        settings.put("twilio.authToken", TwilioFake.AUTH_TOKEN);
        settings.put("twilio.apiBaseUrl", TWILIO.baseUrl());
        settings.put("stripe.secretKey", "sk_test_x");
        settings.put("stripe.webhookSecret", "whsec_x");
        settings.put("stripe.priceStarter", "price_starter");
        settings.put("stripe.pricePro", "price_pro");
        settings.put("server.adminConnectors[0].bindHost", "127.0.0.1");
        for (int i = 0; i < overrides.length; i += 2) {
            settings.put(overrides[i], overrides[i + 1]);
        }
        return new DropwizardTestSupport<>(
                CallbackCloserApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                settings.entrySet().stream()
                        .map(setting -> ConfigOverride.config(setting.getKey(), setting.getValue()))
                        .toArray(ConfigOverride[]::new));
    }
}
