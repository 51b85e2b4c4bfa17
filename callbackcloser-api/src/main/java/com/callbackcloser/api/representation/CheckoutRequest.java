package com.callbackcloser.api.representation;

/** The plan to buy: starter or pro. */
public record CheckoutRequest(String plan) {}
