package com.callbackcloser.api.twilio;

import com.callbackcloser.core.port.out.SendResult;
import com.callbackcloser.core.port.out.SmsGateway;
import com.callbackcloser.core.port.out.SmsRequest;
import com.twilio.base.Page;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.hc.client5.http.ConnectTimeoutException;

/** Sends texts with twilio-java's {@code Message.creator}. */
public final class TwilioSmsGateway implements SmsGateway {
    /** Twilio's "Too many requests" error code, sometimes sent with a status other than 429. */
    private static final int TOO_MANY_REQUESTS = 20429;

    private static final long RECENT_MESSAGES_TO_SEARCH = 50;

    private final TwilioRestClient client;
    private final Function<UUID, String> statusCallbackUrl;

    /** @param statusCallbackUrl where Twilio reports each message's delivery, by our message id */
    public TwilioSmsGateway(TwilioRestClient client, Function<UUID, String> statusCallbackUrl) {
        this.client = client;
        this.statusCallbackUrl = statusCallbackUrl;
    }

    @Override
    public SendResult send(SmsRequest sms) {
        try {
            Message message = Message.creator(new PhoneNumber(sms.to()), new PhoneNumber(sms.from()), sms.body())
                    .setStatusCallback(URI.create(statusCallbackUrl.apply(sms.messageId())))
                    .create(client);
            return new SendResult.Accepted(message.getSid(), statusOf(message));
        } catch (ApiException e) {
            return wasAnswered(e) || neverSent(e) ? refusal(e) : new SendResult.Unknown(e.getMessage());
        }
    }

    @Override
    public Optional<SendResult.Accepted> findAccepted(SmsRequest sms, Instant since) {
        Page<Message> recent = Message.reader()
                .setTo(new PhoneNumber(sms.to()))
                .setFrom(new PhoneNumber(sms.from()))
                .setPageSize(RECENT_MESSAGES_TO_SEARCH)
                .firstPage(client);
        return recent.getRecords().stream()
                .filter(message -> sms.body().equals(message.getBody()))
                .filter(message -> message.getDateCreated() == null
                        || !message.getDateCreated().toInstant().isBefore(since))
                .findFirst()
                .map(message -> new SendResult.Accepted(message.getSid(), statusOf(message)));
    }

    /** Twilio answered with an error status (and usually its own error code). */
    private static boolean wasAnswered(ApiException e) {
        return e.getStatusCode() != null && e.getStatusCode() != 0;
    }

    /** The connection was never made, so Twilio cannot have the message: safe to retry. */
    private static boolean neverSent(ApiException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static SendResult.Refused refusal(ApiException e) {
        Integer status = e.getStatusCode();
        Integer code = e.getCode();
        boolean noAnswer = status == null || status == 0;
        boolean retryable = noAnswer
                || status == 429
                || status >= 500
                || Integer.valueOf(TOO_MANY_REQUESTS).equals(code);
        return new SendResult.Refused(code, noAnswer ? null : status, e.getMessage(), retryable);
    }

    private static String statusOf(Message message) {
        return message.getStatus() == null ? null : message.getStatus().toString();
    }
}
