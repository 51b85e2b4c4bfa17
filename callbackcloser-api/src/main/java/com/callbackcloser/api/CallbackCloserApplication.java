package com.callbackcloser.api;

import com.callbackcloser.api.cli.ApiKeyCommand;
import com.callbackcloser.api.cli.BillingCommand;
import com.callbackcloser.api.cli.BusinessCommand;
import com.callbackcloser.api.cli.CallbackCloserServerCommand;
import com.callbackcloser.api.cli.CheckCommand;
import com.callbackcloser.api.cli.ImportLegacyCommand;
import com.callbackcloser.api.cli.LeadCommand;
import com.callbackcloser.api.cli.RestoreDrillCommand;
import com.callbackcloser.api.cli.SmokeCommand;
import com.callbackcloser.api.cli.WebhooksCommand;
import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.config.ConfigurationProblem;
import com.callbackcloser.api.config.DuplicateAnswersConfiguration;
import com.callbackcloser.api.config.ForwardingCacheConfiguration;
import com.callbackcloser.api.config.OutboundWebhookConfiguration;
import com.callbackcloser.api.config.OutboxConfiguration;
import com.callbackcloser.api.config.ProductionRules;
import com.callbackcloser.api.config.StripeConfiguration;
import com.callbackcloser.api.config.TwilioConfiguration;
import com.callbackcloser.api.db.DatabaseConnector;
import com.callbackcloser.api.db.DatabaseNotMigratedException;
import com.callbackcloser.api.health.WebhookHealthCheck;
import com.callbackcloser.api.http.ContentTypeQualityFilter;
import com.callbackcloser.api.metrics.Decisions;
import com.callbackcloser.api.outbox.OutboxWorker;
import com.callbackcloser.api.ratelimit.SharedRateLimiter;
import com.callbackcloser.api.resources.StripeWebhookResource;
import com.callbackcloser.api.resources.TwilioMessageStatusResource;
import com.callbackcloser.api.resources.TwilioScreenResource;
import com.callbackcloser.api.resources.TwilioScreenResultResource;
import com.callbackcloser.api.resources.TwilioSmsResource;
import com.callbackcloser.api.resources.TwilioStatusResource;
import com.callbackcloser.api.resources.TwilioVoiceResource;
import com.callbackcloser.api.servlets.CorrelationIdFilter;
import com.callbackcloser.api.stripe.StripeBillingProvider;
import com.callbackcloser.api.stripe.StripeEvents;
import com.callbackcloser.api.stripe.UnconfiguredBillingProvider;
import com.callbackcloser.api.twilio.DevelopmentSmsGateway;
import com.callbackcloser.api.twilio.DuplicateWebhooks;
import com.callbackcloser.api.twilio.ForwardingRefresher;
import com.callbackcloser.api.twilio.RawPayload;
import com.callbackcloser.api.twilio.TwilioClients;
import com.callbackcloser.api.twilio.TwilioPhoneNumbers;
import com.callbackcloser.api.twilio.TwilioRecordings;
import com.callbackcloser.api.twilio.TwilioSmsGateway;
import com.callbackcloser.api.twilio.TwilioWebhookAuthenticator;
import com.callbackcloser.api.twilio.UnconfiguredPhoneNumbers;
import com.callbackcloser.api.twilio.WebhookUrls;
import com.callbackcloser.api.views.Dashboard;
import com.callbackcloser.api.webhooks.HttpWebhookSender;
import com.callbackcloser.api.webhooks.WebhookWorker;
import com.callbackcloser.core.model.Plans;
import com.callbackcloser.core.port.out.BillingProvider;
import com.callbackcloser.core.port.out.SmsGateway;
import com.callbackcloser.core.port.out.TransactionRunner;
import com.callbackcloser.core.service.BillingEventService;
import com.callbackcloser.core.service.BillingService;
import com.callbackcloser.core.service.CallScreeningService;
import com.callbackcloser.core.service.EndpointUrlPolicy;
import com.callbackcloser.core.service.ForwardingCache;
import com.callbackcloser.core.service.InboundSmsService;
import com.callbackcloser.core.service.IncomingCallService;
import com.callbackcloser.core.service.MessageStatusService;
import com.callbackcloser.core.service.MissedCallService;
import com.callbackcloser.core.service.OutboxDispatcher;
import com.callbackcloser.core.service.OutboxMaintenance;
import com.callbackcloser.core.service.PhoneNumberService;
import com.callbackcloser.core.service.RetryPolicy;
import com.callbackcloser.core.service.WebhookDispatcher;
import com.callbackcloser.db.JdbiSetup;
import com.callbackcloser.db.OutboxListener;
import com.callbackcloser.db.RateLimitCounter;
import com.callbackcloser.db.adapter.JdbiTransactionRunner;
import com.callbackcloser.db.dao.WebhookDao;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.twilio.http.TwilioRestClient;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.PooledDataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.migrations.MigrationsBundle;
import jakarta.servlet.DispatcherType;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class CallbackCloserApplication extends Application<CallbackCloserConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackCloserApplication.class);

    private final Clock clock;

    public CallbackCloserApplication() {
        this(Clock.systemUTC());
    }

    /** With the clock every service and the outbox read: tests move it to reach follow-ups and quiet hours. */
    public CallbackCloserApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new CallbackCloserApplication().run(args);
    }

    @Override
    public String getName() {
        return "callbackcloser";
    }

    /** Dropwizard's own {@code check} only validates; ours also applies the production rules. */
    @Override
    protected void addDefaultCommands(Bootstrap<CallbackCloserConfiguration> bootstrap) {
        bootstrap.addCommand(new CallbackCloserServerCommand(this));
    }

    @Override
    public void initialize(Bootstrap<CallbackCloserConfiguration> bootstrap) {
        // Times as ISO-8601 strings ("2026-11-26T04:35:21Z"), not epoch numbers, in every JSON answer.
        bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public PooledDataSourceFactory getDataSourceFactory(CallbackCloserConfiguration config) {
                // Starts (or attaches to) the embedded database in development; it stops when the command exits.
                DatabaseConnector.forMigrations(config);
                return config.getDatabase();
            }
        });
        bootstrap.addCommand(new BusinessCommand());
        bootstrap.addCommand(new LeadCommand());
        bootstrap.addCommand(new BillingCommand());
        bootstrap.addCommand(new ApiKeyCommand());
        bootstrap.addCommand(new CheckCommand());
        bootstrap.addCommand(new WebhooksCommand());
        bootstrap.addCommand(new SmokeCommand());
        bootstrap.addCommand(new RestoreDrillCommand());
        bootstrap.addCommand(new ImportLegacyCommand());
    }

    @Override
    public void run(CallbackCloserConfiguration config, Environment environment) {
        refuseUnsafeProductionStart(config);
        // A repeated key is malformed JSON, a 400; let through, it makes Jackson fail on our request records as if
        // they were defined wrongly, which Dropwizard answers with a 500.
        environment.getObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // A field the owner API does not know (a typo: "timezone") is refused with a 422 naming it, not dropped while
        // the request "succeeds" (UnrecognizedFieldExceptionMapper). Stripe and Twilio bodies are never bound to
        // classes (a tree and a form), so their new fields cannot break anything.
        environment.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        DatabaseConnector database = DatabaseConnector.forService(config);
        environment.lifecycle().manage(database);
        Jdbi jdbi = JdbiSetup.configure(new JdbiFactory().build(environment, config.getDatabase(), "postgresql"));
        requireMigratedSchema(jdbi);
        TransactionRunner transactions = new JdbiTransactionRunner(jdbi);

        environment
                .servlets()
                .addFilter("correlation-id", new CorrelationIdFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.jersey().register(new ContentTypeQualityFilter());
        Decisions decisions = new Decisions(environment.metrics());
        SharedRateLimiter limiter = new SharedRateLimiter(
                new RateLimitCounter(jdbi), config.getRateLimits().isEnabled(), clock);
        WebhookUrls urls = new WebhookUrls(config);
        Plans plans = config.getPlans().toPlans(config.getStripe());
        TwilioConfiguration twilio = config.getTwilio();
        TwilioRestClient twilioClient = twilio.hasCredentials()
                ? TwilioClients.restClient(
                        twilio.getAccountSid(),
                        twilio.getAuthToken(),
                        twilio.getApiBaseUrl(),
                        twilio.getRequestTimeout().toJavaDuration())
                : null;
        BillingProvider billingProvider = billingProvider(config);

        registerWebhooks(config, environment, transactions, plans, urls, billingProvider, decisions, limiter, clock);

        PhoneNumberService phoneNumbers = new PhoneNumberService(
                transactions,
                twilioClient == null ? new UnconfiguredPhoneNumbers() : new TwilioPhoneNumbers(twilioClient, urls),
                clock);
        BillingService billing = new BillingService(transactions, billingProvider, plans, clock);
        TwilioRecordings recordings = twilioClient == null
                ? null
                : new TwilioRecordings(
                        twilio.getAccountSid(),
                        twilio.getAuthToken(),
                        twilio.getApiBaseUrl(),
                        twilio.getRequestTimeout().toJavaDuration());
        OwnerApi.register(
                environment.jersey(), config, transactions, billing, phoneNumbers, recordings, limiter, clock);
        Dashboard.register(
                environment,
                config,
                jdbi,
                new Dashboard.Services(
                        transactions, billing, recordings, config.getPlans().getUsageZone()),
                clock);

        OutboxMaintenance outboxMaintenance = new OutboxMaintenance(
                transactions, config.getOutbox().getSendingLease().toJavaDuration(), clock);
        if (config.getOutbox().isEnabled()) {
            manageOutbox(config, environment, transactions, smsGateway(twilioClient, urls), decisions, clock);
        }
        Operations.register(environment, config, jdbi, outboxMaintenance, phoneNumbers, clock);
        manageWebhooks(config, environment, transactions, decisions, clock);
    }

    /** Outbound webhooks: the health check always, the delivery workers when enabled on this instance. */
    private static void manageWebhooks(
            CallbackCloserConfiguration config,
            Environment environment,
            TransactionRunner transactions,
            Decisions decisions,
            Clock clock) {
        OutboundWebhookConfiguration webhooks = config.getOutboundWebhooks();
        // One policy for the check before a send and for the send's own connection (see HttpWebhookSender).
        EndpointUrlPolicy urlPolicy = config.webhookUrlPolicy();
        WebhookDispatcher dispatcher = new WebhookDispatcher(
                transactions,
                new HttpWebhookSender(webhooks.getRequestTimeout().toJavaDuration(), urlPolicy),
                urlPolicy,
                new RetryPolicy(
                        webhooks.getMaxAttempts(),
                        webhooks.getInitialRetryDelay().toJavaDuration(),
                        webhooks.getMaxRetryDelay().toJavaDuration()),
                webhooks.getDeliveringLease().toJavaDuration(),
                clock,
                () -> ThreadLocalRandom.current().nextDouble());
        environment
                .healthChecks()
                .register(
                        "webhooks",
                        new WebhookHealthCheck(
                                dispatcher, webhooks.getMaxDueAge().toJavaDuration(), clock));
        if (!webhooks.isEnabled()) {
            return;
        }
        WebhookWorker worker = new WebhookWorker(
                dispatcher,
                webhooks.getConcurrency(),
                webhooks.getPollInterval().toJavaDuration(),
                clock,
                decisions);
        environment.metrics().gauge("callbackcloser.webhooks.in_flight", () -> worker::inFlight);
        OutboxListener listener = new OutboxListener(
                () -> DatabaseConnector.openSession(config.getDatabase()),
                WebhookDao.CHANNEL,
                "webhook-listener",
                worker::wake,
                Duration.ofSeconds(1));
        environment.lifecycle().manage(worker);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                listener.start();
            }

            @Override
            public void stop() {
                listener.close();
            }
        });
    }

    private static void registerWebhooks(
            CallbackCloserConfiguration config,
            Environment environment,
            TransactionRunner transactions,
            Plans plans,
            WebhookUrls urls,
            BillingProvider billingProvider,
            Decisions decisions,
            SharedRateLimiter limiter,
            Clock clock) {
        RawPayload rawPayload = new RawPayload(environment.getObjectMapper());
        environment.jersey().register(new TwilioWebhookAuthenticator(config, limiter, decisions));
        DuplicateAnswersConfiguration duplicates = config.getWebhooks().getDuplicateAnswers();
        if (duplicates.getMaxEntries() > 0) {
            environment
                    .jersey()
                    .register(new DuplicateWebhooks(
                            duplicates.getMaxEntries(), duplicates.getMaxAge().toJavaDuration(), clock, decisions));
        }
        ForwardingCacheConfiguration forwarding = config.getWebhooks().getForwardingCache();
        IncomingCallService incomingCalls = new IncomingCallService(
                transactions,
                new ForwardingCache(
                        forwarding.getMaxEntries(), forwarding.getMaxAge().toJavaDuration(), clock),
                clock);
        environment
                .lifecycle()
                .manage(new ForwardingRefresher(
                        incomingCalls, forwarding.getRefreshInterval().toJavaDuration()));
        environment.jersey().register(new TwilioVoiceResource(incomingCalls, urls, rawPayload, decisions));
        CallScreeningService screening = new CallScreeningService(transactions, clock);
        environment.jersey().register(new TwilioScreenResource(screening, urls, decisions));
        environment.jersey().register(new TwilioScreenResultResource(screening, decisions));
        environment
                .jersey()
                .register(new TwilioStatusResource(
                        new MissedCallService(transactions, plans, clock), rawPayload, decisions));
        environment
                .jersey()
                .register(new TwilioSmsResource(
                        new InboundSmsService(transactions, plans, urls::lead, clock), rawPayload, decisions));
        environment
                .jersey()
                .register(new TwilioMessageStatusResource(new MessageStatusService(transactions, clock), decisions));
        environment
                .jersey()
                .register(new StripeWebhookResource(
                        new BillingEventService(transactions, billingProvider, clock),
                        new StripeEvents(environment.getObjectMapper()),
                        config.getStripe().getWebhookSecret(),
                        config.getWebhooks().getMaxStripeBodySize().toBytes(),
                        decisions,
                        limiter,
                        config.getRateLimits()));
    }

    /**
     * A server on a database without this version's tables would fail every request: it refuses to start, saying
     * "run db migrate first". A database that does not answer yet is no reason to refuse: the pool connects when
     * it is back, and the schema health check says what it finds then.
     */
    private static void requireMigratedSchema(Jdbi jdbi) {
        try {
            jdbi.useHandle(handle -> DatabaseNotMigratedException.requireMigrated(handle.getConnection()));
        } catch (ConnectionException | SQLException e) {
            LOG.warn("event=startup decision=schema_not_checked error=\"{}\"", e.getMessage());
        }
    }

    private static void refuseUnsafeProductionStart(CallbackCloserConfiguration config) {
        List<ConfigurationProblem> problems = ProductionRules.check(config);
        if (problems.isEmpty()) {
            return;
        }
        String list = problems.stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n"));
        if (config.isProduction()) {
            throw new IllegalStateException("Refusing to start in production until these are fixed:\n" + list);
        }
        LOG.info("Development mode; production would refuse to start until:\n{}", list);
    }

    private static void manageOutbox(
            CallbackCloserConfiguration config,
            Environment environment,
            TransactionRunner transactions,
            SmsGateway gateway,
            Decisions decisions,
            Clock clock) {
        OutboxConfiguration outbox = config.getOutbox();
        OutboxDispatcher dispatcher = new OutboxDispatcher(
                transactions,
                gateway,
                new RetryPolicy(
                        outbox.getMaxAttempts(),
                        outbox.getInitialRetryDelay().toJavaDuration(),
                        outbox.getMaxRetryDelay().toJavaDuration()),
                clock,
                () -> ThreadLocalRandom.current().nextDouble());
        OutboxWorker worker = new OutboxWorker(
                dispatcher,
                outbox.getConcurrency(),
                outbox.getPollInterval().toJavaDuration(),
                outbox.getSendingLease().toJavaDuration(),
                clock,
                decisions);
        environment.metrics().gauge("callbackcloser.outbox.in_flight", () -> worker::inFlight);
        OutboxListener listener = new OutboxListener(
                () -> DatabaseConnector.openSession(config.getDatabase()), worker::wake, Duration.ofSeconds(1));
        environment.lifecycle().manage(worker);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                listener.start();
            }

            @Override
            public void stop() {
                listener.close();
            }
        });
    }

    /** Stripe when configured; otherwise (development only) billing actions say it is not configured. */
    public static BillingProvider billingProvider(CallbackCloserConfiguration config) {
        StripeConfiguration stripe = config.getStripe();
        if (stripe.getSecretKey().isBlank()) {
            return new UnconfiguredBillingProvider();
        }
        return new StripeBillingProvider(stripe.getSecretKey(), stripe.getApiBaseUrl());
    }

    private static SmsGateway smsGateway(TwilioRestClient twilioClient, WebhookUrls urls) {
        if (twilioClient != null) {
            return new TwilioSmsGateway(twilioClient, urls::messageStatus);
        }
        LOG.warn("TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN not set: texts are logged and stored as simulated, not sent");
        return new DevelopmentSmsGateway();
    }
}
