package com.callbackcloser.api.representation;

/** How long the secret being replaced keeps signing: hours, 0 to 168; absent means 24. */
public record SecretRotationRequest(Integer gracePeriodHours) {}
