package com.callbackcloser.core.port.in;

/** What the whisper says: whose call it is, when we know the call; {@code businessName} is null otherwise. */
public record ScreeningPrompt(String businessName) {

    public static ScreeningPrompt unknownCall() {
        return new ScreeningPrompt(null);
    }

    public boolean knowsBusiness() {
        return businessName != null;
    }
}
