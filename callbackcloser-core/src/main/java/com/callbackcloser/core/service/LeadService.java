package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.CallRecord;
import com.callbackcloser.core.model.FieldChange;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadCursor;
import com.callbackcloser.core.model.LeadDetail;
import com.callbackcloser.core.model.LeadFilter;
import com.callbackcloser.core.model.LeadPage;
import com.callbackcloser.core.model.LeadStatus;
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
        return page(actor, businessId, new LeadFilter(status, null), cursor, limit);
    }

    /**
     * The leads that pass the filter, newest first; {@code cursor} is the previous page's {@code nextCursor}. The
     * cursor is a position, not an offset, so leads arriving meanwhile never shift or repeat a page.
     */
    public LeadPage page(Actor actor, UUID businessId, LeadFilter filter, String cursor, Integer limit) {
        int size = pageSize(limit);
        LeadCursor after = cursor(cursor, "cursor");
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.VIEW_LEADS);
            // One more than asked says whether there is a next page without a second query.
            return LeadPage.of(repositories.leads().page(businessId, filter, after, size + 1), size);
        });
    }

    /**
     * The leads newer than {@code since} (a lead's {@link LeadCursor}), newest first: what a list showing everything
     * up to that lead is missing. {@code nextCursor} is set when there are more than {@code limit} of them.
     */
    public LeadPage newerThan(Actor actor, UUID businessId, LeadFilter filter, String since, Integer limit) {
        int size = pageSize(limit);
        LeadCursor newest = cursor(since, "since");
        if (newest == null) {
            throw new InvalidInputException("since", "since is the cursor of the newest lead shown");
        }
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.VIEW_LEADS);
            return LeadPage.of(repositories.leads().newerThan(businessId, filter, newest, size + 1), size);
        });
    }

    /**
     * The business of a lead the actor may see, for links that name only the lead (the owner's text). Another
     * tenant's lead and no lead at all are the same answer: not found.
     */
    public UUID businessOf(Actor actor, UUID leadId) {
        return transactions.inTransaction(repositories -> {
            Lead lead = repositories
                    .leads()
                    .findById(leadId)
                    .filter(found -> repositories
                            .members()
                            .find(found.businessId(), actor.subject())
                            .isPresent())
                    .orElseThrow(() -> new ResourceNotFoundException("lead"));
            return lead.businessId();
        });
    }

    private static int pageSize(Integer limit) {
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("limit", "limit is 1 to " + MAX_PAGE_SIZE);
        }
        return size;
    }

    private static LeadCursor cursor(String cursor, String field) {
        return cursor == null || cursor.isBlank()
                ? null
                : LeadCursor.decode(cursor)
                        .orElseThrow(() -> new InvalidInputException(field, "not a cursor we issued"));
    }

    public LeadDetail detail(Actor actor, UUID businessId, UUID leadId) {
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.VIEW_LEADS);
            Lead lead = lead(repositories, businessId, leadId);
            CallRecord call = lead.callId() == null
                    ? null
                    : repositories.calls().findById(lead.callId()).orElse(null);
            return new LeadDetail(
                    lead,
                    call,
                    repositories.messages().transcript(leadId),
                    repositories.consents().isOptedOut(businessId, lead.callerNumber()));
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

    static Lead lead(Repositories repositories, UUID businessId, UUID leadId) {
        return repositories
                .leads()
                .findInBusiness(businessId, leadId)
                .orElseThrow(() -> new ResourceNotFoundException("lead"));
    }
}
