package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.CallRecord;
import com.callbackcloser.core.model.FieldChange;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadCursor;
import com.callbackcloser.core.model.LeadDetail;
import com.callbackcloser.core.model.LeadPage;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.model.LeadSummary;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.model.RecordingMetadata;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A business's leads for its members: the list, one lead in full, its pipeline status, its recording. */
public final class LeadService {
    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 100;

    private final TransactionRunner transactions;
    private final Clock clock;

    public LeadService(TransactionRunner transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Newest first; {@code cursor} is the previous page's {@code nextCursor}. */
    public LeadPage page(Actor actor, UUID businessId, LeadStatus status, String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("limit", "limit is 1 to " + MAX_PAGE_SIZE);
        }
        LeadCursor after = cursor == null || cursor.isBlank()
                ? null
                : LeadCursor.decode(cursor)
                        .orElseThrow(() -> new InvalidInputException("cursor", "not a cursor we issued"));
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.VIEW_LEADS);
            // One more than asked says whether there is a next page without a second query.
            List<LeadSummary> found = repositories.leads().page(businessId, status, after, size + 1);
            if (found.size() <= size) {
                return new LeadPage(found, null);
            }
            List<LeadSummary> page = found.subList(0, size);
            Lead last = page.get(size - 1).lead();
            return new LeadPage(page, new LeadCursor(last.createdAt(), last.id()).encode());
        });
    }

    public LeadDetail detail(Actor actor, UUID businessId, UUID leadId) {
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.VIEW_LEADS);
            Lead lead = lead(repositories, businessId, leadId);
            CallRecord call = lead.callId() == null
                    ? null
                    : repositories.calls().findById(lead.callId()).orElse(null);
            return new LeadDetail(lead, call, repositories.messages().transcript(leadId));
        });
    }

    public LeadDetail changeStatus(Actor actor, UUID businessId, UUID leadId, LeadStatus status) {
        if (status == null) {
            throw new InvalidInputException("status", "status is one of NEW, QUALIFIED, CONTACTED, BOOKED");
        }
        Instant now = clock.instant();
        transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.EDIT_LEAD_STATUS);
            Lead lead = lead(repositories, businessId, leadId);
            if (lead.status() != status) {
                repositories.leads().changeStatus(leadId, status, now);
                repositories
                        .audit()
                        .record(
                                businessId,
                                actor.subject(),
                                "lead.status_changed",
                                leadId.toString(),
                                List.of(new FieldChange("status", lead.status().name(), status.name())),
                                actor.correlationId(),
                                now);
                Lead changed = repositories.leads().findById(leadId).orElseThrow();
                WebhookEvents.leadStatusChanged(repositories, changed, lead.status(), actor.subject(), now);
            }
            return null;
        });
        return detail(actor, businessId, leadId);
    }

    /** The lead's call recording, if the call was answered and recorded. */
    public Optional<RecordingMetadata> recording(Actor actor, UUID businessId, UUID leadId) {
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.VIEW_LEADS);
            Lead lead = lead(repositories, businessId, leadId);
            return repositories
                    .calls()
                    .findById(lead.callId())
                    .map(CallRecord::recording)
                    .filter(recording -> recording != null && recording.url() != null);
        });
    }

    private static Lead lead(Repositories repositories, UUID businessId, UUID leadId) {
        return repositories
                .leads()
                .findInBusiness(businessId, leadId)
                .orElseThrow(() -> new ResourceNotFoundException("lead"));
    }
}
