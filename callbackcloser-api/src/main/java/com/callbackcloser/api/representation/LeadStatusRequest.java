package com.callbackcloser.api.representation;

/** The pipeline status to move a lead to: NEW, QUALIFIED, CONTACTED or BOOKED. */
public record LeadStatusRequest(String status) {}
