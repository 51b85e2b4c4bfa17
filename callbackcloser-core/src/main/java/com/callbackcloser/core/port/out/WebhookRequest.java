package com.callbackcloser.core.port.out;

import java.util.Map;

/** One signed POST: the URL, the headers (signature included) and the JSON body. */
public record WebhookRequest(String url, Map<String, String> headers, String body) {
    public WebhookRequest {
        headers = Map.copyOf(headers);
    }
}
