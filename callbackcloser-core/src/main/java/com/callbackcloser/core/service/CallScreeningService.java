package com.callbackcloser.core.service;

import static com.callbackcloser.core.model.Strings.isBlank;

import com.callbackcloser.core.model.CallScreeningState;
import com.callbackcloser.core.port.in.HandleScreenResultUseCase;
import com.callbackcloser.core.port.in.ScreenCall;
import com.callbackcloser.core.port.in.ScreenCallUseCase;
import com.callbackcloser.core.port.in.ScreenResult;
import com.callbackcloser.core.port.in.ScreenResultOutcome;
import com.callbackcloser.core.port.in.ScreeningPrompt;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.util.Optional;

/**
 * The whisper on a screened forwarded leg: what it says, and the key press that proves a person took the call.
 *
 * <p>Both requests come from the forwarded leg and name the caller's call as their parent; the key press is stored
 * on that call, the row the Dial's result lands on. Recording it and recording the Dial's result both lock that
 * row, so whichever comes second sees the first: a key press after the Dial's result is too late and changes
 * nothing, and a retried key press finds it already recorded.
 */
public final class CallScreeningService implements ScreenCallUseCase, HandleScreenResultUseCase {
    private final TransactionRunner transactions;
    private final Clock clock;

    public CallScreeningService(TransactionRunner transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ScreeningPrompt onScreen(ScreenCall call) {
        if (isBlank(call.parentCallSid())) {
            return ScreeningPrompt.unknownCall();
        }
        return transactions.inTransaction(repositories -> repositories
                .businesses()
                .findByCallSid(call.parentCallSid().strip())
                .map(business -> new ScreeningPrompt(business.name()))
                .orElseGet(ScreeningPrompt::unknownCall));
    }

    @Override
    public ScreenResultOutcome onScreenResult(ScreenResult result) {
        if (!result.accepted()) {
            return ScreenResultOutcome.DECLINED;
        }
        if (isBlank(result.parentCallSid())) {
            return ScreenResultOutcome.UNKNOWN_CALL;
        }
        String parentCallSid = result.parentCallSid().strip();
        return transactions.inTransaction(repositories -> {
            Optional<CallScreeningState> state = repositories.calls().lockScreening(parentCallSid);
            if (state.isEmpty()) {
                return ScreenResultOutcome.UNKNOWN_CALL;
            }
            if (state.get().keyPressedAt() != null) {
                return ScreenResultOutcome.ALREADY_ACCEPTED;
            }
            if (state.get().dialEnded()) {
                return ScreenResultOutcome.TOO_LATE;
            }
            repositories.calls().recordScreenKeyPress(parentCallSid, clock.instant());
            return ScreenResultOutcome.ACCEPTED;
        });
    }
}
