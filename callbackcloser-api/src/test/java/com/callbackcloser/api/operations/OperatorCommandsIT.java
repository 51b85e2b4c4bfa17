package com.callbackcloser.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.testing.CommandLine;
import com.callbackcloser.api.testing.ServiceUnderTest;
import com.callbackcloser.api.testing.TwilioFake;
import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.Role;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.core.service.ApiKeyService;
import com.callbackcloser.db.testing.TestBusinesses;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The runbook's commands: check, webhooks, and the live smoke test against a running service. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OperatorCommandsIT {
    private static final ServiceUnderTest SERVICE = ServiceUnderTest.withSignatures();

    @SuppressWarnings("unused")
    private static final DropwizardAppExtension<?> APP = SERVICE.app;

    private static final String GOOD_PRODUCTION = """
            appEnv: production
            appUrl: https://callbacks.example.com
            database:
              url: "postgres://app:secret@ep-cool-123-pooler.us-east-2.aws.neon.tech/app?sslmode=require"
              migrationUrl: "postgres://app:secret@ep-cool-123.us-east-2.aws.neon.tech/app?sslmode=require"
            twilio:
              accountSid: AC123
              authToken: secret
              validateSignature: true
            stripe:
              secretKey: sk_live_1
              webhookSecret: whsec_1
              priceStarter: price_a
              pricePro: price_b
            server:
              adminConnectors:
                - type: http
                  port: 8081
                  bindHost: 127.0.0.1
            logging:
              level: WARN
            """;

    @Test
    void checkPassesAGoodProductionConfiguration() {
        CommandLine.Run run =
                CommandLine.run("check", CommandLine.config(GOOD_PRODUCTION).toString());

        assertThat(run.failed()).as(run.out() + run.err()).isFalse();
        assertThat(run.out()).contains("OK: the configuration satisfies every production rule");
    }

    @Test
    void checkListsEveryBrokenRuleAtOnceWithHowToFixItAndFails() {
        Path bad = CommandLine.config("""
                appEnv: production
                appUrl: http://callbacks.example.com
                database:
                  url: "postgres://app:secret@db.example.com/app"
                  migrationUrl: "postgres://app:secret@aws-0-us-east-1.pooler.supabase.com:6543/app?sslmode=require"
                twilio:
                  validateSignature: false
                  webhookAuthToken: shared
                logging:
                  level: WARN
                """);

        CommandLine.Run run = CommandLine.run("check", bad.toString());

        assertThat(run.failed()).isTrue();
        assertThat(run.out())
                .contains("10 problem(s):")
                .contains(
                        "TWILIO_VALIDATE_SIGNATURE",
                        "TWILIO_AUTH_TOKEN",
                        "TWILIO_ACCOUNT_SID",
                        "STRIPE_SECRET_KEY",
                        "STRIPE_WEBHOOK_SECRET",
                        "STRIPE_PRICE_STARTER / STRIPE_PRICE_PRO",
                        "APP_URL",
                        "ADMIN_BIND_HOST / ADMIN_TOKEN")
                .contains("DATABASE_URL: a managed host (db.example.com) without sslmode=require")
                .contains("MIGRATION_DATABASE_URL: is a connection pooler (aws-0-us-east-1.pooler.supabase.com);"
                        + " DATABASE_URL is not: the two look swapped")
                .contains("fix: append ?sslmode=require");
    }

    @Test
    void checkNamesAnAdminPortOpenToTheNetworkAndJwtsWithoutAnAudienceWithTheirFixes() {
        CommandLine.Run run = CommandLine.run(
                "check",
                CommandLine.config(GOOD_PRODUCTION
                                .replace("bindHost: 127.0.0.1", "bindHost: 0.0.0.0")
                                .replace("logging:", """
                                        auth:
                                          jwtIssuer: https://clerk.example.com
                                          jwksUrl: https://clerk.example.com/.well-known/jwks.json
                                        logging:"""))
                        .toString());

        assertThat(run.failed()).isTrue();
        assertThat(run.out())
                .contains("2 problem(s):")
                .contains("ADMIN_BIND_HOST / ADMIN_TOKEN: the admin port listens on 0.0.0.0")
                .contains("AUTH_JWT_AUDIENCE: missing")
                .contains("fix: set AUTH_JWT_AUDIENCE");
    }

    @Test
    void checkCatchesMigrationsThatWouldRunThroughThePooler() {
        CommandLine.Run run = CommandLine.run(
                "check",
                CommandLine.config(GOOD_PRODUCTION.replace(
                                "  migrationUrl: \"postgres://app:secret@ep-cool-123.us-east-2.aws.neon.tech/app?sslmode=require\"\n",
                                ""))
                        .toString());

        assertThat(run.failed()).isTrue();
        assertThat(run.out()).contains("MIGRATION_DATABASE_URL: missing while DATABASE_URL is a connection pooler");
    }

    @Test
    void webhooksPrintsTheUrlsWithTheTokenRedactedUnlessAsked() {
        Path config = CommandLine.config("""
                appUrl: https://callbacks.example.com
                twilio:
                  webhookAuthToken: the-secret-token
                logging:
                  level: WARN
                """);

        CommandLine.Run redacted = CommandLine.run("webhooks", config.toString());
        CommandLine.Run shown = CommandLine.run("webhooks", config.toString(), "--show-token");

        assertThat(redacted.out())
                .contains("https://callbacks.example.com/api/twilio/voice?webhook_token=****")
                .contains("https://callbacks.example.com/api/twilio/sms?webhook_token=****")
                .contains("https://callbacks.example.com/api/twilio/status?webhook_token=****")
                .contains("https://callbacks.example.com/api/twilio/message-status?webhook_token=****")
                .contains("Stripe webhook endpoint: https://callbacks.example.com/api/stripe/webhook")
                .contains("customer.subscription.updated", "invoice.paid", "invoice.payment_failed")
                .doesNotContain("the-secret-token");
        assertThat(shown.out()).contains("/api/twilio/voice?webhook_token=the-secret-token");
    }

    @Test
    void theSmokeTestPassesAgainstAServiceStartedHere() {
        SERVICE.twilio.acceptMessages();
        Business business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        String owner = "smoke_owner_" + System.nanoTime();
        SERVICE.transactions().inTransaction(r -> r.members().put(business.id(), owner, Role.OWNER, Instant.now()));
        String apiKey = new ApiKeyService(SERVICE.transactions(), Clock.systemUTC())
                .issue(new Actor(owner, "test"), "smoke")
                .secret();
        Path config = CommandLine.config(
                """
                appUrl: %s
                twilio:
                  accountSid: %s
                  authToken: %s
                  validateSignature: true
                logging:
                  level: WARN
                """.formatted(ServiceUnderTest.PUBLIC_URL, TwilioFake.ACCOUNT_SID, TwilioFake.AUTH_TOKEN));

        CommandLine.Run run = CommandLine.run(
                "smoke",
                config.toString(),
                "--url",
                "http://localhost:" + SERVICE.app.getLocalPort(),
                "--business",
                business.id().toString(),
                "--caller",
                "+14155550166",
                "--api-key",
                apiKey);

        assertThat(run.failed()).as(run.out() + run.err()).isFalse();
        assertThat(run.out())
                .contains(
                        "PASS  incoming call is forwarded",
                        "PASS  missed call is recorded",
                        "PASS  STOP opts out",
                        "PASS  START opts back in",
                        "PASS  the lead is visible in the owner API",
                        "PASS  its transcript has the reply, STOP and START",
                        "SMOKE TEST PASSED");
    }

    @Test
    void theSmokeTestFailsLoudlyWhenTheSignatureIsWrong() {
        Business business = TestBusinesses.create(SERVICE.transactions(), SubscriptionStatus.ACTIVE);
        String owner = "smoke_owner_" + System.nanoTime();
        SERVICE.transactions().inTransaction(r -> r.members().put(business.id(), owner, Role.OWNER, Instant.now()));
        String apiKey = new ApiKeyService(SERVICE.transactions(), Clock.systemUTC())
                .issue(new Actor(owner, "test"), "smoke")
                .secret();
        Path config = CommandLine.config("""
                appUrl: %s
                twilio:
                  accountSid: %s
                  authToken: not-the-token
                logging:
                  level: WARN
                """.formatted(ServiceUnderTest.PUBLIC_URL, TwilioFake.ACCOUNT_SID));

        CommandLine.Run run = CommandLine.run(
                "smoke",
                config.toString(),
                "--url",
                "http://localhost:" + SERVICE.app.getLocalPort(),
                "--business",
                business.id().toString(),
                "--caller",
                "+14155550167",
                "--api-key",
                apiKey);

        assertThat(run.failed()).isTrue();
        assertThat(run.out())
                .contains("FAIL  incoming call is forwarded (<Dial>)  (HTTP 401")
                .contains("SMOKE TEST FAILED");
    }
}
