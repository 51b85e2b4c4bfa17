package com.callbackcloser.api.twilio;

import com.callbackcloser.core.port.out.PhoneNumberProvider;
import com.callbackcloser.core.port.out.PhoneNumberProviderException;
import com.callbackcloser.core.port.out.ProvisionedNumber;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Local;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/** Twilio numbers through twilio-java: a number we buy, or connect and then re-point, calls this service's webhooks. */
public final class TwilioPhoneNumbers implements PhoneNumberProvider {
    private static final long ACCOUNT_NUMBERS_PAGE = 50;

    private final TwilioRestClient client;
    private final WebhookUrls urls;

    public TwilioPhoneNumbers(TwilioRestClient client, WebhookUrls urls) {
        this.client = client;
        this.urls = urls;
    }

    @Override
    public ProvisionedNumber buyLocalNumber(String areaCode) {
        return call(() -> {
            var search =
                    Local.reader("US").setSmsEnabled(true).setVoiceEnabled(true).setPageSize(1L);
            if (areaCode != null) {
                search.setAreaCode(Integer.valueOf(areaCode));
            }
            List<Local> available = search.firstPage(client).getRecords();
            if (available.isEmpty()) {
                throw new PhoneNumberProviderException(
                        "Twilio has no SMS and voice capable local number available"
                                + (areaCode == null ? "" : " in area code " + areaCode),
                        null);
            }
            IncomingPhoneNumber bought = IncomingPhoneNumber.creator(
                            available.get(0).getPhoneNumber())
                    .setVoiceUrl(URI.create(urls.voice()))
                    .setVoiceMethod(HttpMethod.POST)
                    .setSmsUrl(URI.create(urls.sms()))
                    .setSmsMethod(HttpMethod.POST)
                    .setStatusCallback(URI.create(urls.status()))
                    .setStatusCallbackMethod(HttpMethod.POST)
                    .create(client);
            return numberOf(bought);
        });
    }

    @Override
    public ProvisionedNumber find(String phoneNumberSid) {
        return call(() -> numberOf(IncomingPhoneNumber.fetcher(phoneNumberSid).fetch(client)));
    }

    @Override
    public List<ProvisionedNumber> accountNumbers() {
        return call(() ->
                IncomingPhoneNumber.reader().setPageSize(ACCOUNT_NUMBERS_PAGE).firstPage(client).getRecords().stream()
                        .map(TwilioPhoneNumbers::numberOf)
                        .toList());
    }

    @Override
    public void pointWebhooksAtUs(String phoneNumberSid) {
        call(() -> IncomingPhoneNumber.updater(phoneNumberSid)
                .setVoiceUrl(URI.create(urls.voice()))
                .setVoiceMethod(HttpMethod.POST)
                .setSmsUrl(URI.create(urls.sms()))
                .setSmsMethod(HttpMethod.POST)
                .setStatusCallback(URI.create(urls.status()))
                .setStatusCallbackMethod(HttpMethod.POST)
                .update(client));
    }

    private static ProvisionedNumber numberOf(IncomingPhoneNumber number) {
        PhoneNumber phone = number.getPhoneNumber();
        return new ProvisionedNumber(number.getSid(), phone == null ? null : phone.toString());
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (TwilioException e) {
            throw new PhoneNumberProviderException("Twilio: " + e.getMessage(), e);
        }
    }
}
