package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.FieldChange;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.MessageTemplate;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.model.SmsSegments;
import com.callbackcloser.core.model.TemplateKind;
import com.callbackcloser.core.model.TemplatePreview;
import com.callbackcloser.core.model.TextTemplates;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The business's own wording of the first, after-hours and completion texts: each shown as it renders today with
 * its SMS segment count, and refused when rendered for the business it is longer than
 * {@link MessageTemplate#MAX_SEGMENTS} segments. A later rename can make a text longer; it is still sent (Twilio
 * takes up to 1,600 characters), and the owner sees the new count here.
 */
public final class TextTemplateService {
    private final TransactionRunner transactions;
    private final Clock clock;

    public TextTemplateService(TransactionRunner transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<TemplatePreview> get(Actor actor, UUID businessId) {
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.VIEW_BUSINESS);
            return previews(
                    business(repositories, businessId),
                    repositories.textTemplates().find(businessId));
        });
    }

    /** Replaces all three: a kind not given uses the built-in text again. Audited per kind that changed. */
    public List<TemplatePreview> replace(Actor actor, UUID businessId, TextTemplates templates) {
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.EDIT_SETTINGS);
            // The business row lock puts concurrent replacements one after the other, each auditing what the
            // other left.
            repositories.businesses().lock(businessId);
            Business business = business(repositories, businessId);
            List<TemplatePreview> previews = previews(business, templates);
            for (TemplatePreview preview : previews) {
                if (preview.template().isPresent() && preview.segments().segments() > MessageTemplate.MAX_SEGMENTS) {
                    String field = preview.kind().field();
                    throw new InvalidInputException(
                            field,
                            field + " is " + preview.segments().segments() + " SMS segments for " + business.name()
                                    + " (" + preview.segments().characters() + " characters, "
                                    + preview.segments().encoding() + "); at most " + MessageTemplate.MAX_SEGMENTS);
                }
            }
            TextTemplates before = repositories.textTemplates().find(businessId);
            List<FieldChange> changes = new ArrayList<>();
            for (TemplateKind kind : TemplateKind.values()) {
                String from = before.get(kind).map(MessageTemplate::body).orElse(null);
                String to = templates.get(kind).map(MessageTemplate::body).orElse(null);
                if (!Objects.equals(from, to)) {
                    changes.add(new FieldChange(kind.field(), from, to));
                }
            }
            if (!changes.isEmpty()) {
                repositories.textTemplates().replace(businessId, templates, now);
                repositories
                        .audit()
                        .record(
                                businessId,
                                actor.subject(),
                                "business.templates_changed",
                                businessId.toString(),
                                changes,
                                actor.correlationId(),
                                now);
            }
            return previews;
        });
    }

    static List<TemplatePreview> previews(Business business, TextTemplates templates) {
        List<TemplatePreview> previews = new ArrayList<>();
        for (TemplateKind kind : TemplateKind.values()) {
            String text = MessageTemplates.preview(kind, business, templates);
            previews.add(new TemplatePreview(kind, templates.get(kind), text, SmsSegments.of(text)));
        }
        return List.copyOf(previews);
    }

    private static Business business(Repositories repositories, UUID businessId) {
        return repositories
                .businesses()
                .findById(businessId)
                .orElseThrow(() -> new ResourceNotFoundException("business"));
    }
}
