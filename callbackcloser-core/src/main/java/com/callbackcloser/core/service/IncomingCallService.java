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
import java.util.Optional;

/**
 * A call rings the business's Twilio number: record it and forward it to the owner. Whether the forwarded leg is
 * screened is decided here, once, and stored on the call: the status callback judges the call by what its leg
 * heard, even if the owner changes the setting while it rings.
 */
public final class IncomingCallService implements HandleIncomingCallUseCase {
    private final TransactionRunner transactions;
    private final Clock clock;

    public IncomingCallService(TransactionRunner transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public IncomingCallDecision onIncomingCall(IncomingCall call) {
        if (isBlank(call.to()) || isBlank(call.callSid())) {
            return new IncomingCallDecision.NotConfigured("missing To or CallSid");
        }
        String to = PhoneNumbers.normalize(call.to());
        return transactions.inTransaction(repositories -> {
            Optional<Business> found = repositories.businesses().findByTwilioNumber(to);
            if (found.isEmpty()) {
                return new IncomingCallDecision.NotConfigured("no business has the number " + PhoneNumbers.mask(to));
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
            return new IncomingCallDecision.ForwardToOwner(
                    business.forwardingNumber(),
                    business.missedCallSeconds(),
                    business.twilioNumber(),
                    business.callScreening());
        });
    }
}
