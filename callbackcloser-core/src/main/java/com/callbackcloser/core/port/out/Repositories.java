package com.callbackcloser.core.port.out;

/** The repositories bound to one database transaction. */
public interface Repositories {
    BusinessRepository businesses();

    CallRepository calls();

    LeadRepository leads();

    OutboxRepository outbox();

    MessageRepository messages();

    ConsentRepository consents();

    BillingEventLog billingEvents();

    MemberRepository members();

    AuditLog audit();

    ApiKeyRepository apiKeys();

    AnalyticsRepository analytics();

    OpeningHoursRepository openingHours();

    TextTemplateRepository textTemplates();

    WebhookRepository webhooks();
}
