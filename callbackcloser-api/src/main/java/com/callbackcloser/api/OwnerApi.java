package com.callbackcloser.api;

import com.callbackcloser.api.auth.AuthenticatedUser;
import com.callbackcloser.api.auth.BearerAuthenticator;
import com.callbackcloser.api.auth.JwtVerifier;
import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.api.config.RateLimitConfiguration;
import com.callbackcloser.api.errors.ExternalServiceExceptionMapper;
import com.callbackcloser.api.errors.QueryParameterExceptionMapper;
import com.callbackcloser.api.errors.RefusedExceptionMapper;
import com.callbackcloser.api.errors.ServerErrorExceptionMapper;
import com.callbackcloser.api.errors.UnknownFieldExceptionMapper;
import com.callbackcloser.api.http.RequestBodyLimit;
import com.callbackcloser.api.ratelimit.SharedRateLimiter;
import com.callbackcloser.api.resources.owner.AnalyticsResource;
import com.callbackcloser.api.resources.owner.ApiKeyResource;
import com.callbackcloser.api.resources.owner.ApiKeysResource;
import com.callbackcloser.api.resources.owner.AuditResource;
import com.callbackcloser.api.resources.owner.BillingCheckoutResource;
import com.callbackcloser.api.resources.owner.BillingPortalResource;
import com.callbackcloser.api.resources.owner.BusinessResource;
import com.callbackcloser.api.resources.owner.BusinessesResource;
import com.callbackcloser.api.resources.owner.LeadMessagesResource;
import com.callbackcloser.api.resources.owner.LeadRecordingResource;
import com.callbackcloser.api.resources.owner.LeadResource;
import com.callbackcloser.api.resources.owner.LeadsResource;
import com.callbackcloser.api.resources.owner.MemberResource;
import com.callbackcloser.api.resources.owner.MembersResource;
import com.callbackcloser.api.resources.owner.OpeningHoursResource;
import com.callbackcloser.api.resources.owner.PhoneNumberConnectResource;
import com.callbackcloser.api.resources.owner.PhoneNumberResource;
import com.callbackcloser.api.resources.owner.PhoneNumberSyncResource;
import com.callbackcloser.api.resources.owner.TextTemplatesResource;
import com.callbackcloser.api.resources.owner.UsageResource;
import com.callbackcloser.api.resources.owner.WebhookDeliveriesResource;
import com.callbackcloser.api.resources.owner.WebhookDeliveryReplayResource;
import com.callbackcloser.api.resources.owner.WebhookDeliveryResource;
import com.callbackcloser.api.resources.owner.WebhookEndpointResource;
import com.callbackcloser.api.resources.owner.WebhookEndpointSecretResource;
import com.callbackcloser.api.resources.owner.WebhookEndpointsResource;
import com.callbackcloser.api.twilio.TwilioRecordings;
import com.callbackcloser.core.port.out.TransactionRunner;
import com.callbackcloser.core.service.ApiKeyService;
import com.callbackcloser.core.service.AuditService;
import com.callbackcloser.core.service.BillingService;
import com.callbackcloser.core.service.CallerReplyService;
import com.callbackcloser.core.service.LeadAnalyticsService;
import com.callbackcloser.core.service.LeadService;
import com.callbackcloser.core.service.MemberService;
import com.callbackcloser.core.service.OpeningHoursService;
import com.callbackcloser.core.service.OwnerBillingService;
import com.callbackcloser.core.service.OwnerBusinessService;
import com.callbackcloser.core.service.PhoneNumberService;
import com.callbackcloser.core.service.TextTemplateService;
import com.callbackcloser.core.service.WebhookEndpointService;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.JSONUnauthorizedHandler;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.swagger.v3.jaxrs2.integration.resources.OpenApiResource;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.time.Clock;
import java.util.Set;

/** The owner API's wiring: bearer authentication, its resources, the error mappers and the OpenAPI document. */
final class OwnerApi {
    private OwnerApi() {}

    static void register(
            JerseyEnvironment jersey,
            CallbackCloserConfiguration config,
            TransactionRunner transactions,
            BillingService billing,
            PhoneNumberService phoneNumbers,
            TwilioRecordings recordings,
            SharedRateLimiter limiter,
            Clock clock) {
        ApiKeyService apiKeys = new ApiKeyService(transactions, clock);
        JwtVerifier jwts = config.getAuth().jwtConfigured() ? new JwtVerifier(config.getAuth()) : null;
        jersey.register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<AuthenticatedUser>()
                .setAuthenticator(new BearerAuthenticator(apiKeys, jwts))
                .setPrefix("Bearer")
                .setRealm("callbackcloser")
                .setUnauthorizedHandler(new JSONUnauthorizedHandler())
                .buildAuthFilter()));
        jersey.register(new AuthValueFactoryProvider.Binder<>(AuthenticatedUser.class));
        jersey.register(new RefusedExceptionMapper());
        jersey.register(new ExternalServiceExceptionMapper());
        jersey.register(new ServerErrorExceptionMapper());
        jersey.register(new RequestBodyLimit());
        jersey.register(new RequestBodyLimit.TooLargeMapper());
        jersey.register(new QueryParameterExceptionMapper());
        jersey.register(new UnknownFieldExceptionMapper());

        OwnerBusinessService businesses = new OwnerBusinessService(transactions, clock);
        MemberService members = new MemberService(transactions, clock);
        LeadService leads = new LeadService(transactions, clock);
        OwnerBillingService ownerBilling = new OwnerBillingService(transactions, billing, clock);
        String appUrl = config.getAppUrl();

        jersey.register(new BusinessesResource(businesses));
        jersey.register(new BusinessResource(businesses));
        jersey.register(new OpeningHoursResource(new OpeningHoursService(transactions, clock)));
        jersey.register(new TextTemplatesResource(new TextTemplateService(transactions, clock)));
        jersey.register(new MembersResource(members));
        jersey.register(new MemberResource(members));
        jersey.register(new LeadsResource(leads));
        jersey.register(new LeadResource(leads));
        jersey.register(new LeadRecordingResource(leads, recordings));
        jersey.register(new LeadMessagesResource(new CallerReplyService(transactions, clock)));
        jersey.register(new PhoneNumberResource(phoneNumbers));
        jersey.register(new PhoneNumberConnectResource(phoneNumbers));
        jersey.register(new PhoneNumberSyncResource(phoneNumbers));
        RateLimitConfiguration.Rule billingActions = config.getRateLimits().getBillingActions();
        jersey.register(new BillingCheckoutResource(ownerBilling, appUrl, limiter, billingActions));
        jersey.register(new BillingPortalResource(ownerBilling, appUrl, limiter, billingActions));
        jersey.register(new UsageResource(ownerBilling));
        jersey.register(new AnalyticsResource(new LeadAnalyticsService(transactions, clock)));
        jersey.register(new AuditResource(new AuditService(transactions)));
        jersey.register(new ApiKeysResource(apiKeys));
        jersey.register(new ApiKeyResource(apiKeys));
        WebhookEndpointService webhooks = new WebhookEndpointService(transactions, config.webhookUrlPolicy(), clock);
        jersey.register(new WebhookEndpointsResource(webhooks));
        jersey.register(new WebhookEndpointResource(webhooks));
        jersey.register(new WebhookEndpointSecretResource(webhooks));
        jersey.register(new WebhookDeliveriesResource(webhooks));
        jersey.register(new WebhookDeliveryResource(webhooks));
        jersey.register(new WebhookDeliveryReplayResource(webhooks));
        jersey.register(openApi(appUrl));
    }

    /** {@code /openapi.json} and {@code /openapi.yaml}, generated from the resources. */
    private static OpenApiResource openApi(String appUrl) {
        OpenAPI document = new OpenAPI()
                .info(new Info()
                        .title("CallbackCloser API")
                        .version("1")
                        .description("Owner API (Bearer JWT or API key) and the Twilio and Stripe webhooks."))
                .addServersItem(new Server().url(appUrl))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A JWT from the identity provider, or an API key (cck_…)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
        SwaggerConfiguration configuration = new SwaggerConfiguration()
                .openAPI(document)
                .prettyPrint(true)
                .resourcePackages(Set.of("com.callbackcloser.api.resources"));
        OpenApiResource resource = new OpenApiResource();
        resource.setOpenApiConfiguration(configuration);
        return resource;
    }
}
