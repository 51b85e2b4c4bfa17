package com.callbackcloser.api.twilio;

import com.callbackcloser.core.port.out.PhoneNumberProvider;
import com.callbackcloser.core.port.out.PhoneNumberProviderException;
import com.callbackcloser.core.port.out.ProvisionedNumber;
import java.util.List;

/** Without Twilio credentials (development only) number operations say so. */
public final class UnconfiguredPhoneNumbers implements PhoneNumberProvider {
    private static final String MESSAGE = "Twilio is not configured: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN";

    @Override
    public ProvisionedNumber buyLocalNumber(String areaCode) {
        throw new PhoneNumberProviderException(MESSAGE, null);
    }

    @Override
    public ProvisionedNumber find(String phoneNumberSid) {
        throw new PhoneNumberProviderException(MESSAGE, null);
    }

    @Override
    public List<ProvisionedNumber> accountNumbers() {
        throw new PhoneNumberProviderException(MESSAGE, null);
    }

    @Override
    public void pointWebhooksAtUs(String phoneNumberSid) {
        throw new PhoneNumberProviderException(MESSAGE, null);
    }
}
