package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.FieldChange;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.Membership;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.model.Role;
import com.callbackcloser.core.model.Strings;
import com.callbackcloser.core.port.in.ConflictException;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A business's team: owners add, change and remove members; a business always keeps an owner. */
public final class MemberService {
    public static final int MAX_SUBJECT_LENGTH = 255;

    private final TransactionRunner transactions;
    private final Clock clock;

    public MemberService(TransactionRunner transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<Membership> list(Actor actor, UUID businessId) {
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.VIEW_MEMBERS);
            return repositories.members().listForBusiness(businessId);
        });
    }

    /** Adds a member, or changes an existing member's role. */
    public Membership put(Actor actor, UUID businessId, String subject, Role role) {
        if (subject == null
                || subject.isBlank()
                || subject.length() > MAX_SUBJECT_LENGTH
                || Strings.hasForbiddenCharacter(subject)) {
            throw new InvalidInputException(
                    "subject",
                    "subject is the member's user id, 1 to 255 characters, no control characters or noncharacters");
        }
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.MANAGE_MEMBERS);
            lockOwners(repositories, businessId);
            Optional<Membership> existing = repositories.members().find(businessId, subject.strip());
            if (existing.isPresent()
                    && existing.get().role() == Role.OWNER
                    && role != Role.OWNER
                    && owners(repositories, businessId) == 1) {
                throw new ConflictException("the last owner cannot stop being an owner");
            }
            Membership member = repositories.members().put(businessId, subject.strip(), role, now);
            repositories
                    .audit()
                    .record(
                            businessId,
                            actor.subject(),
                            existing.isPresent() ? "member.role_changed" : "member.added",
                            member.subject(),
                            List.of(new FieldChange(
                                    "role", existing.map(m -> m.role().name()).orElse(null), role.name())),
                            actor.correlationId(),
                            now);
            return member;
        });
    }

    public void remove(Actor actor, UUID businessId, String subject) {
        Instant now = clock.instant();
        transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.MANAGE_MEMBERS);
            lockOwners(repositories, businessId);
            Membership member = repositories
                    .members()
                    .find(businessId, subject)
                    .orElseThrow(() -> new ResourceNotFoundException("member"));
            if (member.role() == Role.OWNER && owners(repositories, businessId) == 1) {
                throw new ConflictException("the last owner cannot be removed");
            }
            repositories.members().remove(businessId, subject);
            repositories
                    .audit()
                    .record(
                            businessId,
                            actor.subject(),
                            "member.removed",
                            subject,
                            List.of(new FieldChange("role", member.role().name(), null)),
                            actor.correlationId(),
                            now);
            return null;
        });
    }

    /** Two owners removing each other at once must not leave none: changes to a team are made one at a time. */
    private static void lockOwners(Repositories repositories, UUID businessId) {
        repositories.businesses().lock(businessId);
    }

    private static long owners(Repositories repositories, UUID businessId) {
        return repositories.members().listForBusiness(businessId).stream()
                .filter(m -> m.role() == Role.OWNER)
                .count();
    }
}
