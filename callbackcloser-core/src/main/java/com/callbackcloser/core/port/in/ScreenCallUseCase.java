package com.callbackcloser.core.port.in;

public interface ScreenCallUseCase {
    ScreeningPrompt onScreen(ScreenCall call);
}
