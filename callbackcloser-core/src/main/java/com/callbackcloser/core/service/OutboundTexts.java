package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.DeliveryState;
import com.callbackcloser.core.model.OutboundSms;
import com.callbackcloser.core.model.Participant;
import com.callbackcloser.core.model.PhoneTimeZones;
import com.callbackcloser.core.port.out.Repositories;
import java.time.Instant;
import java.util.UUID;
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

    /**
     * A text to the owner's notify phone. With the owner's quiet hours on, it waits for 8:00 to 21:00 in that
     * phone's zone (its area code's, else the business's); it is news for the owner, not an answer to them.
     */
    static DeliveryState queueToOwner(
            Repositories repositories, Business business, UUID leadId, String ownerPhone, String body, Instant now) {
        OutboundSms sms = new OutboundSms(
                business.id(),
                leadId,
                Participant.OWNER,
                business.twilioNumberIfAny().orElseThrow(),
                ownerPhone,
                body);
        if (business.textTiming().ownerQuietHours()) {
            sms = sms.inWindowOf(PhoneTimeZones.zoneOf(ownerPhone, business.timeZone()), now);
        }
        return queue(repositories, sms, now);
    }
}
