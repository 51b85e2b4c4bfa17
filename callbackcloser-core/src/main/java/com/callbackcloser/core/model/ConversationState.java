package com.callbackcloser.core.model;

/** The step of the SMS qualification a lead is at. */
public enum ConversationState {
    NOT_STARTED,
    AWAITING_SERVICE,
    AWAITING_URGENCY,
    AWAITING_ZIP,
    AWAITING_BEST_TIME,
    AWAITING_NAME,
    COMPLETED
}
