package com.callbackcloser.api;

import ch.qos.logback.classic.Logger;
import com.callbackcloser.api.admin.AdminAccessFilter;
import com.callbackcloser.api.admin.TaskParameterFilter;
import com.callbackcloser.api.alerts.AlertWebhookAppender;
import com.callbackcloser.api.config.AlertConfiguration;
import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.health.ConfigurationHealthCheck;
import com.callbackcloser.api.health.OutboxHealthCheck;
import com.callbackcloser.api.health.SchemaHealthCheck;
import com.callbackcloser.api.tasks.LogLevelTask;
import com.callbackcloser.api.tasks.ResyncTwilioWebhooksTask;
import com.callbackcloser.api.tasks.RetryFailedMessagesTask;
import com.callbackcloser.api.tasks.WireLoggers;
import com.callbackcloser.core.model.OutboxStats;
import com.callbackcloser.core.service.OutboxMaintenance;
import com.callbackcloser.core.service.PhoneNumberService;
import com.callbackcloser.db.DatabaseMigrator;
import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.servlets.tasks.Task;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;

/** The admin port's share of the service: health checks, tasks, outbox gauges, Prometheus, and error alerts. */
final class Operations {
    private Operations() {}

    static void register(
            Environment environment,
            CallbackCloserConfiguration config,
            Jdbi jdbi,
            OutboxMaintenance outbox,
            PhoneNumberService phoneNumbers,
            Clock clock) {
        environment
                .healthChecks()
                .register(
                        "outbox",
                        new OutboxHealthCheck(
                                outbox,
                                config.getOutbox().getMaxQueuedAge().toJavaDuration(),
                                config.getOutbox().getMaxFailedPerHour(),
                                clock));
        environment.healthChecks().register("configuration", new ConfigurationHealthCheck(config));
        environment.healthChecks().register("schema", new SchemaHealthCheck(jdbi, DatabaseMigrator.changeSetIds()));

        registerAdminAccess(environment, config, outbox, phoneNumbers);

        registerOutboxGauges(environment.metrics(), outbox, clock);
        PrometheusRegistry prometheus = new PrometheusRegistry();
        // Jersey's "<method>.total" timers would be exported under the same name as "<method>" (Prometheus drops
        // the _total suffix) and break the scrape; the method's own timer says the same.
        DropwizardExports.builder()
                .dropwizardRegistry(environment.metrics())
                .metricFilter((name, metric) -> !name.endsWith(".total"))
                .register(prometheus);
        environment
                .admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(prometheus))
                .addMapping("/prometheus");

        if (!config.getAlerts().getWebhookUrl().isBlank()) {
            manageAlerts(environment, config, clock);
        }
    }

    /**
     * The tasks, and who may use the admin port: the token filter first, then the tasks' parameter checks. The
     * log-level task replaces Dropwizard's (same name), and the HTTP clients' wire loggers are pinned quiet.
     */
    private static void registerAdminAccess(
            Environment environment,
            CallbackCloserConfiguration config,
            OutboxMaintenance outbox,
            PhoneNumberService phoneNumbers) {
        WireLoggers.pin();
        List<Task> tasks = List.of(
                new ResyncTwilioWebhooksTask(phoneNumbers), new RetryFailedMessagesTask(outbox), new LogLevelTask());
        tasks.forEach(environment.admin()::addTask);
        environment
                .admin()
                .addFilter(
                        "admin-access",
                        new AdminAccessFilter(config.getAdminAccess().getToken(), config.isProduction()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment
                .admin()
                .addFilter("task-parameters", new TaskParameterFilter(tasks))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/tasks/*");
    }

    /** One stats query every few seconds at most, however often the gauges are read. */
    private static void registerOutboxGauges(MetricRegistry metrics, OutboxMaintenance outbox, Clock clock) {
        CachedGauge<OutboxStats> stats = new CachedGauge<>(5, TimeUnit.SECONDS) {
            @Override
            protected OutboxStats loadValue() {
                return outbox.stats();
            }
        };
        gauge(metrics, "queued", stats, OutboxStats::queued);
        gauge(metrics, "due", stats, OutboxStats::due);
        gauge(metrics, "sending", stats, OutboxStats::sending);
        gauge(metrics, "stuck", stats, OutboxStats::stuck);
        gauge(metrics, "failed_last_hour", stats, OutboxStats::failedLastHour);
        gauge(
                metrics,
                "oldest_due_age_seconds",
                stats,
                s -> s.oldestDueAge(clock.instant()).toSeconds());
    }

    private static void gauge(
            MetricRegistry metrics, String name, CachedGauge<OutboxStats> stats, ToLongFunction<OutboxStats> value) {
        metrics.gauge("callbackcloser.outbox." + name, () -> () -> value.applyAsLong(stats.getValue()));
    }

    private static void manageAlerts(Environment environment, CallbackCloserConfiguration config, Clock clock) {
        AlertConfiguration alerts = config.getAlerts();
        AlertWebhookAppender appender = new AlertWebhookAppender(
                new AlertWebhookAppender.Settings(
                        alerts.getWebhookUrl(),
                        alerts.getWebhookToken(),
                        alerts.getTimeout().toJavaDuration(),
                        alerts.getQueueSize(),
                        alerts.getRepeatInterval().toJavaDuration(),
                        environmentLabel(config),
                        secrets(config)),
                environment.getObjectMapper(),
                clock);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(root.getLoggerContext());
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                appender.start();
                root.addAppender(appender);
            }

            @Override
            public void stop() {
                root.detachAppender(appender);
                appender.stop();
            }
        });
    }

    /** "production callbacks.example.com": which deployment, as staging and production both run APP_ENV=production. */
    private static String environmentLabel(CallbackCloserConfiguration config) {
        String env = config.getAppEnv().name().toLowerCase(Locale.ROOT);
        try {
            String host = URI.create(config.getAppUrl()).getHost();
            return host == null ? env : env + " " + host;
        } catch (IllegalArgumentException e) {
            return env;
        }
    }

    /** Every configured secret, to be blanked out of alert text wherever it appears. */
    private static List<String> secrets(CallbackCloserConfiguration config) {
        List<String> secrets = new ArrayList<>();
        secrets.add(config.getTwilio().getAuthToken());
        secrets.add(config.getTwilio().getPreviousAuthToken());
        secrets.add(config.getTwilio().getWebhookAuthToken());
        secrets.addAll(
                Arrays.asList(Objects.requireNonNullElse(config.getTwilio().getPreviousWebhookAuthTokens(), "")
                        .split(",")));
        secrets.add(config.getStripe().getSecretKey());
        secrets.add(config.getStripe().getWebhookSecret());
        secrets.add(config.getAlerts().getWebhookToken());
        // A Slack webhook URL is itself the credential to post to the channel.
        secrets.add(config.getAlerts().getWebhookUrl());
        secrets.add(config.getDatabase().getPassword());
        secrets.add(config.getAdminAccess().getToken());
        secrets.add(config.getDashboard().getOidcClientSecret());
        return secrets;
    }
}
