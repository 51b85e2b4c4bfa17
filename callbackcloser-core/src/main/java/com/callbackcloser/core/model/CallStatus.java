package com.callbackcloser.core.model;

public enum CallStatus {
    RECEIVED,
    ANSWERED,
    MISSED,
    COMPLETED
}
