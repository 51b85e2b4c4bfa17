package com.callbackcloser.core.port.in;

public interface HandleMessageStatusUseCase {
    MessageStatusOutcome onMessageStatus(MessageStatusCallback callback);
}
