package com.callbackcloser.core.service;

import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.port.out.Repositories;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues a text in the current transaction, suppressed at once when its recipient (caller or owner) opted out
 * of this business's texts. The outbox checks again just before sending.
 */
final class OutboundTexts {
    private static final Logger LOG = LoggerFactory.getLogger("twilio.messaging");

    private OutboundTexts() {}

    static DeliveryState queue(Repositories repositories, OutboundSms sms, Instant now) {
        boolean optedOut = repositories.consents().isOptedOut(sms.businessId(), sms.to());
        DeliveryState state = optedOut ? DeliveryState.SUPPRESSED : DeliveryState.QUEUED;
        var id = repositories.outbox().enqueue(sms, state, now);
        if (optedOut) {
            LOG.info(
                    "event=twilio.messaging decision=suppressed messageId={} participant={} reason=recipient_opted_out",
                    id,
                    sms.participant());
        }
        return state;
    }
}
