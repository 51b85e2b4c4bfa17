package com.callbackcloser.api.twilio;

import com.callbackcloser.core.model.PhoneNumbers;
import com.callbackcloser.core.port.out.SendResult;
import com.callbackcloser.core.port.out.SmsGateway;
import com.callbackcloser.core.port.out.SmsRequest;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Without Twilio credentials (development only) texts are logged and stored as simulated. */
public final class DevelopmentSmsGateway implements SmsGateway {
    private static final Logger LOG = LoggerFactory.getLogger("twilio.messaging");

    @Override
    public SendResult send(SmsRequest sms) {
        LOG.info(
                "event=twilio.messaging decision=simulated messageId={} from={} to={} body=\"{}\"",
                sms.messageId(),
                PhoneNumbers.mask(sms.from()),
                PhoneNumbers.mask(sms.to()),
                sms.body());
        return new SendResult.Simulated();
    }

    @Override
    public Optional<SendResult.Accepted> findAccepted(SmsRequest sms, Instant since) {
        return Optional.empty();
    }
}
