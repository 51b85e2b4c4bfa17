package com.callbackcloser.api.twilio;

import com.twilio.http.TwilioRestClient;
import java.time.Duration;

/** The one way this service builds a twilio-java client: single attempts, our timeout, optional fake base URL. */
public final class TwilioClients {
    private TwilioClients() {}

    /**
     * The longest one call can take with this timeout: each of its three waits (for a pooled connection, for the
     * connection, for each part of the answer) is bounded by it. A server that answers a byte at a time could take
     * longer; Twilio does not.
     */
    public static Duration longestCall(Duration timeout) {
        return timeout.multipliedBy(3);
    }

    public static TwilioRestClient restClient(
            String accountSid, String authToken, String apiBaseUrl, Duration timeout) {
        return new TwilioRestClient.Builder(accountSid, authToken)
                .accountSid(accountSid)
                .httpClient(new TwilioHttpClient(apiBaseUrl, timeout))
                .build();
    }
}
