package com.callbackcloser.api.representation;

/** Where to send the owner's browser (Stripe Checkout, the billing portal). */
public record UrlView(String url) {}
