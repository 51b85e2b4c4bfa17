package com.callbackcloser.core.port.in;

public interface HandleScreenResultUseCase {
    ScreenResultOutcome onScreenResult(ScreenResult result);
}
