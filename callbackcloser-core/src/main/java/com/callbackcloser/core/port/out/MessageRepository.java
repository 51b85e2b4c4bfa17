package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.MessageRecord;
import java.util.List;
import java.util.UUID;

/** Stored texts of both directions. */
public interface MessageRepository {

    /** The lead's messages, oldest first. */
    List<MessageRecord> transcript(UUID leadId);
}
