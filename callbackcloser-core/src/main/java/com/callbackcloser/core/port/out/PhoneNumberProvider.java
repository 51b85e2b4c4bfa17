package com.callbackcloser.core.port.out;

import java.util.List;

/**
 * Twilio phone numbers, as the owner's number set-up needs them. A bought number comes with its voice, SMS and
 * status webhooks pointed at this service; an existing one is only read until {@link #pointWebhooksAtUs} changes
 * it. Failures are {@link PhoneNumberProviderException}s.
 */
public interface PhoneNumberProvider {

    /** Buys an SMS- and voice-capable US local number, in the area code when one is given. */
    ProvisionedNumber buyLocalNumber(String areaCode);

    /** The account's number with this PN… SID, read only: nothing about it changes at Twilio. */
    ProvisionedNumber find(String phoneNumberSid);

    /** The numbers the account already has. */
    List<ProvisionedNumber> accountNumbers();

    void pointWebhooksAtUs(String phoneNumberSid);
}
