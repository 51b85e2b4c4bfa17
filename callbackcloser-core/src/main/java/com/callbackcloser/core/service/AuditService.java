package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.AuditEntry;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.util.List;
import java.util.UUID;

/** The audit trail of a business, for its owners and admins. */
public final class AuditService {
    public static final int MAX_PAGE_SIZE = 200;

    private final TransactionRunner transactions;

    public AuditService(TransactionRunner transactions) {
        this.transactions = transactions;
    }

    /** Newest first; {@code before} is the id of the last entry of the previous page. */
    public List<AuditEntry> list(Actor actor, UUID businessId, Long before, Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("limit", "limit is 1 to " + MAX_PAGE_SIZE);
        }
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.VIEW_AUDIT);
            return repositories.audit().list(businessId, before, size);
        });
    }
}
