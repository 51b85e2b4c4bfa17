package com.callbackcloser.api.views;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.config.DashboardConfiguration;
import com.callbackcloser.api.resources.owner.LeadRecordingResource;
import com.callbackcloser.api.twilio.TwilioRecordings;
import com.callbackcloser.core.port.in.ReplyToCallerUseCase;
import com.callbackcloser.core.port.out.TransactionRunner;
import com.callbackcloser.core.service.BillingService;
import com.callbackcloser.core.service.CallerReplyService;
import com.callbackcloser.core.service.LeadService;
import com.callbackcloser.core.service.OwnerBillingService;
import com.callbackcloser.core.service.OwnerBusinessService;
import com.callbackcloser.db.DashboardSessionStore;
import freemarker.template.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.servlets.assets.AssetServlet;
import io.dropwizard.views.common.ViewMessageBodyWriter;
import io.dropwizard.views.common.ViewRenderer;
import io.dropwizard.views.freemarker.FreemarkerViewRenderer;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The owner dashboard's wiring (docs/DASHBOARD.md): server-rendered FreeMarker pages on the application port, at
 * {@code /} and below, next to the JSON API under {@code /api}. Its pages call the same core services as the
 * API's resources; sessions are rows in PostgreSQL; assets (ours and htmx's webjar) are served from the classpath.
 */
public final class Dashboard {
    private static volatile Assets assets;

    private Dashboard() {}

    /** Everything the pages need that the application built already. */
    public record Services(
            TransactionRunner transactions, BillingService billing, TwilioRecordings recordings, ZoneId usageZone) {}

    public static void register(
            Environment environment, CallbackCloserConfiguration config, Jdbi jdbi, Services services, Clock clock) {
        DashboardConfiguration dashboard = config.getDashboard();
        boolean https = URI.create(config.getAppUrl()).getScheme().equalsIgnoreCase("https");
        registerViews(environment);
        registerAssets(environment);

        TransactionRunner transactions = services.transactions();
        LeadService leads = new LeadService(transactions, clock);
        ReplyToCallerUseCase replies = new CallerReplyService(transactions, clock);
        DashboardSessionStore store = new DashboardSessionStore(jdbi);
        Sessions sessions = new Sessions(store, dashboard, https, clock);
        boolean development = dashboard.devSignInEnabled(config.isProduction());
        OidcSignIn oidc =
                dashboard.oidcConfigured() && !config.getAuth().getJwtIssuer().isBlank()
                        ? new OidcSignIn(config.getAuth().getJwtIssuer(), dashboard, config.getAppUrl(), store, clock)
                        : null;
        SignInSettings signIn = new SignInSettings(
                oidc, development, https, dashboard.getSignInTimeout().toJavaDuration());
        Pages pages = new Pages(
                new OwnerBusinessService(transactions, clock),
                !config.isProduction(),
                !config.getTwilio().hasCredentials(),
                (int) dashboard.getRefreshInterval().toSeconds(),
                clock);
        LeadPages leadPages = new LeadPages(leads, replies, pages);

        JerseyEnvironment jersey = environment.jersey();
        jersey.register(new SessionFilter(sessions, origin(config.getAppUrl())));
        jersey.register(new CsrfFilter());
        jersey.register(new PageHeadersFilter(https));
        jersey.register(new ErrorPageFilter());

        SignInPageResource signInPage = new SignInPageResource(sessions, signIn, pages);
        jersey.register(new HomeResource(sessions));
        jersey.register(signInPage);
        jersey.register(new DevSignInResource(sessions, signIn, signInPage));
        jersey.register(new SignOutResource(sessions));
        jersey.register(new OidcStartResource(signIn, signInPage));
        jersey.register(new OidcCallbackResource(sessions, signIn, signInPage));
        jersey.register(new InboxPageResource(leads, pages));
        jersey.register(new InboxUpdatesResource(leads, pages));
        jersey.register(new LeadPageResource(leadPages));
        jersey.register(new LeadConversationResource(leadPages));
        jersey.register(new LeadStatusFormResource(leads, leadPages));
        jersey.register(new LeadReplyFormResource(replies, leadPages));
        jersey.register(new LeadRecordingPageResource(leads, new LeadRecordingResource(leads, services.recordings())));
        jersey.register(new PlanPageResource(
                new OwnerBillingService(transactions, services.billing(), clock), pages, services.usageZone()));
    }

    /** The pages' stylesheet and scripts, loaded once from the classpath. */
    static Assets assets() {
        Assets loaded = assets;
        if (loaded == null) {
            loaded = Assets.load();
            assets = loaded;
        }
        return loaded;
    }

    /**
     * FreeMarker with HTML auto-escaping ({@code .ftlh} templates): everything a caller typed is escaped unless a
     * template says otherwise, and none does. A template error fails the request rather than printing half a page.
     */
    private static void registerViews(Environment environment) {
        FreemarkerViewRenderer freemarker = new FreemarkerViewRenderer(Configuration.VERSION_2_3_34);
        freemarker.configure(Map.of(
                "output_format", "HTMLOutputFormat",
                "template_exception_handler", "rethrow",
                "log_template_exceptions", "false",
                "number_format", "computer",
                "url_escaping_charset", "UTF-8"));
        List<ViewRenderer> renderers = List.of(freemarker);
        environment.jersey().register(new ViewMessageBodyWriter(environment.metrics(), renderers));
    }

    /** Our stylesheet and script, and the webjars (htmx), with long-lived caching: their URLs change with them. */
    private static void registerAssets(Environment environment) {
        environment
                .servlets()
                .addServlet(
                        "dashboard-assets",
                        new AssetServlet(Assets.OWN_RESOURCES, Assets.OWN_PATH, null, StandardCharsets.UTF_8))
                .addMapping(Assets.OWN_PATH + "/*");
        environment
                .servlets()
                .addServlet(
                        "dashboard-webjars",
                        new AssetServlet(
                                "/META-INF/resources/webjars", Assets.WEBJARS_PATH, null, StandardCharsets.UTF_8))
                .addMapping(Assets.WEBJARS_PATH + "/*");
        environment
                .servlets()
                .addFilter("dashboard-asset-headers", new AssetHeadersFilter())
                .addMappingForUrlPatterns(
                        EnumSet.of(DispatcherType.REQUEST), true, Assets.OWN_PATH + "/*", Assets.WEBJARS_PATH + "/*");
    }

    private static String origin(String appUrl) {
        URI uri = URI.create(appUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
