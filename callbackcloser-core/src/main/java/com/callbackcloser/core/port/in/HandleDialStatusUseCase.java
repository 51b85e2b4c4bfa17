package com.callbackcloser.core.port.in;

public interface HandleDialStatusUseCase {
    DialStatusResult onDialStatus(DialStatusCallback callback);
}
