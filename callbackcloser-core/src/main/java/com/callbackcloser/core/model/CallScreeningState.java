package com.callbackcloser.core.model;

import java.time.Instant;

/**
 * A call's screening as stored: whether its forwarded leg was whispered, when the key was pressed (null: not yet,
 * or never), and whether the Dial's result has already been recorded (after which a key press comes too late to
 * change the decision).
 */
public record CallScreeningState(boolean screened, Instant keyPressedAt, boolean dialEnded) {

    public Screening screening() {
        return Screening.of(screened, keyPressedAt != null);
    }
}
