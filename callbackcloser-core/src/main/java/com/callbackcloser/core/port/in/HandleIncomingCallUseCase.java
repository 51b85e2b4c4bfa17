package com.callbackcloser.core.port.in;

public interface HandleIncomingCallUseCase {
    IncomingCallDecision onIncomingCall(IncomingCall call);
}
