package com.callbackcloser.core.port.in;

import java.util.UUID;

/**
 * Twilio's status callback for a message we sent. {@code messageId} is our outbox row (carried in the callback
 * URL, so a callback that beats our own record of the SID still finds its message).
 */
public record MessageStatusCallback(UUID messageId, String messageSid, String status, Integer errorCode) {}
