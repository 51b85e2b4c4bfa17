package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.ServiceLabels;

/**
 * The texts we send. Kept short (one 160-character GSM-7 segment for a typical business name) and in plain
 * ASCII punctuation, because a single curly quote switches the whole text to UCS-2 and 70-character segments.
 */
public final class MessageTemplates {

    private MessageTemplates() {}

    /** The first text to a caller we missed: asks for the service and names the opt-out. */
    public static String servicePrompt(Business business) {
        ServiceLabels labels = business.serviceLabels();
        return "Sorry we missed your call - " + business.name() + " here. What do you need? Reply 1 "
                + labels.first() + ", 2 " + labels.second() + ", 3 " + labels.third()
                + ", or describe it. Reply STOP to opt out.";
    }
}
