package com.callbackcloser.core.model;

public enum Direction {
    INBOUND,
    OUTBOUND
}
