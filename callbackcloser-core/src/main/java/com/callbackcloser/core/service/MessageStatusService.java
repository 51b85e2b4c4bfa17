package com.callbackcloser.core.service;

import com.callbackcloser.core.model.ProviderStatus;
import com.callbackcloser.core.port.in.HandleMessageStatusUseCase;
import com.callbackcloser.core.port.in.MessageStatusCallback;
import com.callbackcloser.core.port.in.MessageStatusOutcome;
import com.callbackcloser.core.port.out.MessageStatusRow;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Twilio reports what became of a text we sent: store it, never moving backwards. */
public final class MessageStatusService implements HandleMessageStatusUseCase {
    private final TransactionRunner transactions;
    private final Clock clock;

    public MessageStatusService(TransactionRunner transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public MessageStatusOutcome onMessageStatus(MessageStatusCallback callback) {
        return transactions.inTransaction(repositories -> {
            Optional<MessageStatusRow> row =
                    repositories.outbox().lockForStatusUpdate(callback.messageId(), callback.messageSid());
            if (row.isEmpty()) {
                return MessageStatusOutcome.UNKNOWN_MESSAGE;
            }
            MessageStatusRow message = row.get();
            if (!ProviderStatus.isAdvance(message.twilioStatus(), callback.status())) {
                return MessageStatusOutcome.OUT_OF_ORDER;
            }
            Instant now = clock.instant();
            repositories
                    .outbox()
                    .updateProviderStatus(
                            message.id(), callback.messageSid(), callback.status(), callback.errorCode(), now);
            if (Integer.valueOf(OutboxDispatcher.TWILIO_UNSUBSCRIBED_RECIPIENT).equals(callback.errorCode())) {
                repositories
                        .consents()
                        .recordOptOut(
                                message.businessId(),
                                message.to(),
                                message.to(),
                                "TWILIO_" + callback.errorCode(),
                                callback.messageSid(),
                                now);
            }
            return MessageStatusOutcome.UPDATED;
        });
    }
}
