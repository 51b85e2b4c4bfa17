package com.callbackcloser.core.port.out;

import java.util.List;

/**
 * Twilio phone numbers, as the owner's number set-up needs them. Every number it hands back has its voice,
 * SMS and status webhooks pointed at this service. Failures are {@link PhoneNumberProviderException}s.
 */
public interface PhoneNumberProvider {

    /** Buys an SMS- and voice-capable US local number, in the area code when one is given. */
    ProvisionedNumber buyLocalNumber(String areaCode);

    ProvisionedNumber connect(String phoneNumberSid);

    /** The numbers the account already has. */
    List<ProvisionedNumber> accountNumbers();

    void pointWebhooksAtUs(String phoneNumberSid);
}
