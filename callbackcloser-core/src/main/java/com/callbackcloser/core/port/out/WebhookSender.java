package com.callbackcloser.core.port.out;

/** POSTs one webhook, once: no redirects followed, no retries of its own (the dispatcher decides those). */
public interface WebhookSender {
    WebhookResponse send(WebhookRequest request);
}
