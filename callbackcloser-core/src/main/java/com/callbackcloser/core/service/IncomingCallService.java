package com.callbackcloser.core.service;

import static com.callbackcloser.core.model.Strings.isBlank;
import static com.callbackcloser.core.model.Strings.trimToNull;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.PhoneNumbers;
import com.callbackcloser.core.port.in.HandleIncomingCallUseCase;
import com.callbackcloser.core.port.in.IncomingCall;
import com.callbackcloser.core.port.in.IncomingCallDecision;
import com.callbackcloser.core.port.out.IncomingCallRecord;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A call rings the business's Twilio number: record it and forward it to the owner. Whether the forwarded leg is
 * screened is decided here, once, and stored on the call: the status callback judges the call by what its leg
 * heard, even if the owner changes the setting while it rings.
 *
 * <p>Every read of a number's settings is remembered ({@link ForwardingCache}, also filled by
 * {@link #refreshForwarding}), so when the database cannot be read the call is still forwarded with the settings
 * last read, unrecorded: a caller who reaches the owner is worth more than the record, and the Dial's result, which
 * Twilio retries until the database answers, creates the call's row then.
 */
public final class IncomingCallService implements HandleIncomingCallUseCase {
    private final TransactionRunner transactions;
    private final ForwardingCache forwarding;
    private final Clock clock;

    public IncomingCallService(TransactionRunner transactions, ForwardingCache forwarding, Clock clock) {
        this.transactions = transactions;
        this.forwarding = forwarding;
        this.clock = clock;
    }

    @Override
    public IncomingCallDecision onIncomingCall(IncomingCall call) {
        if (isBlank(call.to()) || isBlank(call.callSid())) {
            return new IncomingCallDecision.NotConfigured("missing To or CallSid");
        }
        String to = PhoneNumbers.normalize(call.to());
        Instant readAt = clock.instant();
        IncomingCallDecision decision;
        try {
            decision = transactions.inTransaction(repositories -> {
                Optional<Business> found = repositories.businesses().findByTwilioNumber(to);
                if (found.isEmpty()) {
                    return new IncomingCallDecision.NotConfigured(
                            "no business has the number " + PhoneNumbers.mask(to));
                }
                Business business = found.get();
                repositories
                        .calls()
                        .recordIncoming(
                                new IncomingCallRecord(
                                        business.id(),
                                        call.callSid().strip(),
                                        trimToNull(call.parentCallSid()),
                                        trimToNull(call.from()),
                                        PhoneNumbers.normalize(trimToNull(call.from())),
                                        call.to().strip(),
                                        to,
                                        business.callScreening(),
                                        call.rawPayloadJson()),
                                clock.instant());
                return forwardOf(business);
            });
        } catch (RuntimeException e) {
            return forwarding
                    .recall(to)
                    .<IncomingCallDecision>map(recalled ->
                            new IncomingCallDecision.ForwardUnrecorded(recalled.forward(), recalled.age(), e))
                    .orElseThrow(() -> e);
        }
        if (decision instanceof IncomingCallDecision.ForwardToOwner forward) {
            forwarding.remember(to, forward, readAt);
        } else {
            forwarding.forget(to, readAt);
        }
        return decision;
    }

    /**
     * Reads the forwarding settings of every business number, as many as the cache holds: at start-up, so a number
     * not called since is covered too, and then periodically, so none gets older than the cache's bound.
     *
     * @return how many numbers were read
     */
    public int refreshForwarding() {
        Instant readAt = clock.instant();
        List<Business> businesses = transactions.inTransaction(
                repositories -> repositories.businesses().listWithTwilioNumber(forwarding.capacity()));
        for (Business business : businesses) {
            business.twilioNumberIfAny()
                    .map(PhoneNumbers::normalize)
                    .ifPresent(number -> forwarding.remember(number, forwardOf(business), readAt));
        }
        return businesses.size();
    }

    private static IncomingCallDecision.ForwardToOwner forwardOf(Business business) {
        return new IncomingCallDecision.ForwardToOwner(
                business.forwardingNumber(),
                business.missedCallSeconds(),
                business.twilioNumber(),
                business.callScreening());
    }
}
