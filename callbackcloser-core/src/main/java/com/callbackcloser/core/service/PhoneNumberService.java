package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.BusinessWithRole;
import com.callbackcloser.core.model.FieldChange;
import com.callbackcloser.core.model.InvalidInputException;
import com.callbackcloser.core.model.Membership;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.port.in.ConflictException;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.port.out.DuplicateKeyException;
import com.callbackcloser.core.port.out.PhoneNumberProvider;
import com.callbackcloser.core.port.out.ProvisionedNumber;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A business's Twilio number: buy one, connect one the account already has, or point an existing one's
 * webhooks at this service again (after APP_URL or the webhook token changed). Twilio is called outside the
 * database transactions.
 *
 * <p>Connecting claims the number in the database first (the unique keys decide when two businesses race for
 * it) and only then changes its webhooks at Twilio, so a business that may not have the number never touches
 * it. If Twilio refuses the change, the claim is released. If the database fails after Twilio's change, the
 * business already holds the number and its calls already reach us; connecting the same number again (or a
 * sync) re-points it and records it.
 */
public final class PhoneNumberService {
    private static final Pattern AREA_CODE = Pattern.compile("[2-9]\\d\\d");

    private final TransactionRunner transactions;
    private final PhoneNumberProvider numbers;
    private final Clock clock;

    public PhoneNumberService(TransactionRunner transactions, PhoneNumberProvider numbers, Clock clock) {
        this.transactions = transactions;
        this.numbers = numbers;
        this.clock = clock;
    }

    public BusinessWithRole buy(Actor actor, UUID businessId, String areaCode) {
        if (areaCode != null
                && !areaCode.isBlank()
                && !AREA_CODE.matcher(areaCode.strip()).matches()) {
            throw new InvalidInputException("areaCode", "area code is three digits, e.g. 415");
        }
        requireWithoutNumber(actor, businessId);
        ProvisionedNumber bought =
                numbers.buyLocalNumber(areaCode == null || areaCode.isBlank() ? null : areaCode.strip());
        return attach(actor, businessId, bought, "phone_number.bought");
    }

    /**
     * The number with this PN... SID, or (none given) the account's first number no business uses yet. Connecting
     * the number the business already has re-points its webhooks, which finishes a connect interrupted after the
     * claim.
     */
    public BusinessWithRole connect(Actor actor, UUID businessId, String phoneNumberSid) {
        String sid = phoneNumberSid == null || phoneNumberSid.isBlank() ? null : phoneNumberSid.strip();
        transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.MANAGE_PHONE_NUMBER);
            Business business = business(repositories, businessId);
            if (business.twilioNumberIfAny().isPresent() && (sid == null || !sid.equals(business.twilioNumberSid()))) {
                throw new ConflictException("the business already has a Twilio number");
            }
            return null;
        });
        ProvisionedNumber number;
        Claim claim;
        if (sid == null) {
            ClaimedNumber first = claimFirstUnused(actor, businessId);
            number = first.number();
            claim = first.claim();
        } else {
            number = numbers.find(sid);
            claim = claim(actor, businessId, number);
            if (claim == Claim.TAKEN) {
                throw new ConflictException("the Twilio number " + number.phoneNumber()
                        + " is connected to another business; pick another number or buy one");
            }
        }
        try {
            numbers.pointWebhooksAtUs(number.sid());
        } catch (RuntimeException e) {
            if (claim == Claim.CLAIMED) {
                release(businessId, number, e);
            }
            throw e;
        }
        return recordConnected(actor, businessId, number);
    }

    /** What claiming a number in the database came to. */
    private enum Claim {
        /** Now the business's, webhooks not yet pointed here. */
        CLAIMED,
        /** The business had it already (an earlier connect was interrupted, or this is a repeat). */
        ALREADY_ITS,
        /** Another business has it. */
        TAKEN
    }

    private record ClaimedNumber(ProvisionedNumber number, Claim claim) {}

    private Claim claim(Actor actor, UUID businessId, ProvisionedNumber number) {
        try {
            return transactions.inTransaction(repositories -> {
                BusinessAccess.require(repositories, actor, businessId, Permission.MANAGE_PHONE_NUMBER);
                repositories.businesses().lock(businessId);
                Business business = business(repositories, businessId);
                if (business.twilioNumberIfAny().isPresent()) {
                    if (number.sid().equals(business.twilioNumberSid())) {
                        return Claim.ALREADY_ITS;
                    }
                    throw new ConflictException("the business already has a Twilio number");
                }
                repositories.businesses().claimTwilioNumber(businessId, number.phoneNumber(), number.sid());
                return Claim.CLAIMED;
            });
        } catch (DuplicateKeyException e) {
            return Claim.TAKEN;
        }
    }

    /** The account's numbers in Twilio's order, each tried until one is claimed: a racing business takes another. */
    private ClaimedNumber claimFirstUnused(Actor actor, UUID businessId) {
        List<ProvisionedNumber> account = numbers.accountNumbers();
        Set<String> taken = transactions.inTransaction(repositories -> account.stream()
                .map(ProvisionedNumber::phoneNumber)
                .filter(number ->
                        repositories.businesses().findByTwilioNumber(number).isPresent())
                .collect(Collectors.toSet()));
        for (ProvisionedNumber candidate : account) {
            if (taken.contains(candidate.phoneNumber())) {
                continue;
            }
            Claim claim = claim(actor, businessId, candidate);
            if (claim != Claim.TAKEN) {
                return new ClaimedNumber(candidate, claim);
            }
        }
        throw new ConflictException("the Twilio account has no number that is not in use; buy one");
    }

    /**
     * Twilio did not take the change: give the number back so the owner can retry or pick another. Should the
     * database fail here too, the business keeps an unsynced claim, which connecting the same number again or a
     * sync completes.
     */
    private void release(UUID businessId, ProvisionedNumber number, RuntimeException cause) {
        try {
            transactions.inTransaction(
                    repositories -> repositories.businesses().releaseUnsyncedTwilioNumber(businessId, number.sid()));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private BusinessWithRole recordConnected(Actor actor, UUID businessId, ProvisionedNumber number) {
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> {
            Membership membership =
                    BusinessAccess.require(repositories, actor, businessId, Permission.MANAGE_PHONE_NUMBER);
            repositories.businesses().markWebhooksSynced(businessId, now);
            repositories
                    .audit()
                    .record(
                            businessId,
                            actor.subject(),
                            "phone_number.connected",
                            number.sid(),
                            List.of(new FieldChange("twilioNumber", null, number.phoneNumber())),
                            actor.correlationId(),
                            now);
            return new BusinessWithRole(business(repositories, businessId), membership.role());
        });
    }

    public BusinessWithRole sync(Actor actor, UUID businessId) {
        Business business = transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.MANAGE_PHONE_NUMBER);
            return business(repositories, businessId);
        });
        if (business.twilioNumberSid() == null) {
            throw new ConflictException("the business has no Twilio number to sync; buy or connect one");
        }
        numbers.pointWebhooksAtUs(business.twilioNumberSid());
        Instant now = clock.instant();
        return transactions.inTransaction(repositories -> {
            Membership membership =
                    BusinessAccess.require(repositories, actor, businessId, Permission.MANAGE_PHONE_NUMBER);
            repositories.businesses().markWebhooksSynced(businessId, now);
            repositories
                    .audit()
                    .record(
                            businessId,
                            actor.subject(),
                            "phone_number.webhooks_synced",
                            business.twilioNumberSid(),
                            List.of(),
                            actor.correlationId(),
                            now);
            return new BusinessWithRole(business(repositories, businessId), membership.role());
        });
    }

    /** One business's outcome of an operator's webhook re-sync; {@code error} is null when it worked. */
    public record ResyncResult(UUID businessId, String twilioNumber, String error) {}

    /**
     * An operator re-points the webhooks of every business's number (or one business's) at this service, e.g.
     * after APP_URL or the webhook token changed. One business failing does not stop the others.
     */
    public List<ResyncResult> resyncWebhooks(UUID onlyBusinessId) {
        List<Business> withNumbers =
                transactions
                        .inTransaction(repositories -> repositories.businesses().listAll())
                        .stream()
                        .filter(business -> business.twilioNumberSid() != null)
                        .filter(business ->
                                onlyBusinessId == null || business.id().equals(onlyBusinessId))
                        .toList();
        return withNumbers.stream()
                .map(business -> {
                    try {
                        numbers.pointWebhooksAtUs(business.twilioNumberSid());
                        Instant now = clock.instant();
                        transactions.inTransaction(repositories -> {
                            repositories.businesses().markWebhooksSynced(business.id(), now);
                            repositories
                                    .audit()
                                    .record(
                                            business.id(),
                                            "operator",
                                            "phone_number.webhooks_synced",
                                            business.twilioNumberSid(),
                                            List.of(),
                                            null,
                                            now);
                            return null;
                        });
                        return new ResyncResult(business.id(), business.twilioNumber(), null);
                    } catch (RuntimeException e) {
                        return new ResyncResult(business.id(), business.twilioNumber(), e.getMessage());
                    }
                })
                .toList();
    }

    private void requireWithoutNumber(Actor actor, UUID businessId) {
        transactions.inTransaction(repositories -> {
            BusinessAccess.require(repositories, actor, businessId, Permission.MANAGE_PHONE_NUMBER);
            if (business(repositories, businessId).twilioNumberIfAny().isPresent()) {
                throw new ConflictException("the business already has a Twilio number");
            }
            return null;
        });
    }

    private BusinessWithRole attach(Actor actor, UUID businessId, ProvisionedNumber number, String action) {
        Instant now = clock.instant();
        try {
            return transactions.inTransaction(repositories -> {
                Membership membership =
                        BusinessAccess.require(repositories, actor, businessId, Permission.MANAGE_PHONE_NUMBER);
                repositories.businesses().lock(businessId);
                if (business(repositories, businessId).twilioNumberIfAny().isPresent()) {
                    throw new ConflictException("the business already has a Twilio number");
                }
                repositories.businesses().attachTwilioNumber(businessId, number.phoneNumber(), number.sid(), now);
                repositories
                        .audit()
                        .record(
                                businessId,
                                actor.subject(),
                                action,
                                number.sid(),
                                List.of(new FieldChange("twilioNumber", null, number.phoneNumber())),
                                actor.correlationId(),
                                now);
                return new BusinessWithRole(business(repositories, businessId), membership.role());
            });
        } catch (DuplicateKeyException e) {
            throw new ConflictException("that Twilio number belongs to another business");
        }
    }

    private static Business business(Repositories repositories, UUID businessId) {
        return repositories
                .businesses()
                .findById(businessId)
                .orElseThrow(() -> new ResourceNotFoundException("business"));
    }
}
