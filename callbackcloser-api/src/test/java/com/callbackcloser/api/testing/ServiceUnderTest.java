package com.callbackcloser.api.testing;

import com.callbackcloser.api.CallbackCloserApplication;
import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.core.port.out.TransactionRunner;
import com.callbackcloser.db.adapter.JdbiTransactionRunner;
import com.callbackcloser.db.testing.TestDatabase;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The whole service on a fresh embedded database, with Twilio replaced by a local fake. */
public final class ServiceUnderTest {
    public static final String PUBLIC_URL = "https://callbacks.example.test";

    /** The shared server's fresh database this service runs on; null on a database of the test's own. */
    public final TestDatabase database;

    public final TwilioFake twilio = new TwilioFake();
    public final DropwizardAppExtension<CallbackCloserConfiguration> app;
    private final Jdbi jdbi;

    /** Signature validation on, Twilio credentials set: the production set-up, in development mode. */
    public static ServiceUnderTest withSignatures(String... moreOverrides) {
        List<String> overrides = new ArrayList<>(List.of(
                "twilio.validateSignature", "true",
                "twilio.accountSid", TwilioFake.ACCOUNT_SID,
                "twilio.authToken", TwilioFake.AUTH_TOKEN));
        overrides.addAll(List.of(moreOverrides));
        return new ServiceUnderTest(overrides);
    }

    /** Like {@link #withSignatures}, with the service reading {@code clock} (a {@link TestClock} to move time). */
    public static ServiceUnderTest withSignaturesAndClock(Clock clock, String... moreOverrides) {
        List<String> overrides = new ArrayList<>(List.of(
                "twilio.validateSignature", "true",
                "twilio.accountSid", TwilioFake.ACCOUNT_SID,
                "twilio.authToken", TwilioFake.AUTH_TOKEN));
        overrides.addAll(List.of(moreOverrides));
        return new ServiceUnderTest(overrides, clock);
    }

    public ServiceUnderTest(List<String> overrides) {
        this(overrides, Clock.systemUTC());
    }

    public ServiceUnderTest(List<String> overrides, Clock clock) {
        this(TestDatabase.create(), overrides, clock);
    }

    private ServiceUnderTest(TestDatabase database, List<String> overrides, Clock clock) {
        this(database, database.jdbcUrl(), database.user(), database.jdbi(), overrides, clock);
    }

    /**
     * Signatures on, like {@link #withSignatures}, on a PostgreSQL of the test's own (one it may stop), not on the
     * server every other test shares.
     */
    public static ServiceUnderTest withSignaturesOn(StoppablePostgres postgres, String... moreOverrides) {
        List<String> overrides = new ArrayList<>(List.of(
                "twilio.validateSignature", "true",
                "twilio.accountSid", TwilioFake.ACCOUNT_SID,
                "twilio.authToken", TwilioFake.AUTH_TOKEN));
        overrides.addAll(List.of(moreOverrides));
        return new ServiceUnderTest(
                null, postgres.jdbcUrl(), postgres.user(), postgres.jdbi(), overrides, Clock.systemUTC());
    }

    private ServiceUnderTest(
            TestDatabase database, String jdbcUrl, String user, Jdbi jdbi, List<String> overrides, Clock clock) {
        this.database = database;
        this.jdbi = jdbi;
        // Dropwizard keeps overrides in a set: one entry per key, or which one wins is a coin toss.
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("database.url", jdbcUrl);
        settings.put("database.user", user);
        settings.put("twilio.apiBaseUrl", twilio.baseUrl());
        for (int i = 0; i < overrides.size(); i += 2) {
            settings.put(overrides.get(i), overrides.get(i + 1));
        }
        app = new DropwizardAppExtension<>(
                new DropwizardTestSupport<>(
                        CallbackCloserApplication.class,
                        ResourceHelpers.resourceFilePath("test-config.yml"),
                        settings.entrySet().stream()
                                .map(setting -> ConfigOverride.config(setting.getKey(), setting.getValue()))
                                .toArray(ConfigOverride[]::new)) {
                    @Override
                    public Application<CallbackCloserConfiguration> newApplication() {
                        return new CallbackCloserApplication(clock);
                    }
                });
    }

    public WebhookClient webhooks() {
        return new WebhookClient(app.getLocalPort(), PUBLIC_URL, TwilioFake.AUTH_TOKEN);
    }

    public OwnerApiClient owner() {
        return new OwnerApiClient(app.getLocalPort());
    }

    public TransactionRunner transactions() {
        return new JdbiTransactionRunner(jdbi);
    }

    public Jdbi jdbi() {
        return jdbi;
    }
}
