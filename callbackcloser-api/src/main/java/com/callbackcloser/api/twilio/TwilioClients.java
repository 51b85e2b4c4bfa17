package com.callbackcloser.api.twilio;

import com.twilio.http.TwilioRestClient;
import java.time.Duration;

/** The one way this service builds a twilio-java client: single attempts, our timeout, optional fake base URL. */
public final class TwilioClients {
    private TwilioClients() {}

    public static TwilioRestClient restClient(
            String accountSid, String authToken, String apiBaseUrl, Duration timeout) {
        return new TwilioRestClient.Builder(accountSid, authToken)
                .accountSid(accountSid)
                .httpClient(new TwilioHttpClient(apiBaseUrl, timeout))
                .build();
    }
}
