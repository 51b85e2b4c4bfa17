package com.callbackcloser.core.port.out;

import java.util.UUID;

/** The parts of an outbound message a status callback looks at. */
public record MessageStatusRow(UUID id, UUID businessId, String to, String twilioSid, String twilioStatus) {}
