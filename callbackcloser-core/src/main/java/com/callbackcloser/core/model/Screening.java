package com.callbackcloser.core.model;

/**
 * What the whisper on the forwarded leg established. Carrier voicemail answers a forwarded call like a person
 * does, so with screening on Twilio's {@code completed} proves only that something picked up; the key press is
 * what proves a person took the call.
 */
public enum Screening {
    /** No whisper was played (screening off when the call came in): the Dial's status is the whole story. */
    OFF,
    /** Whispered, and the key was pressed: a person took the call. */
    KEY_PRESSED,
    /** Whispered, and no key press is recorded: voicemail, or a person who let the prompt pass or declined. */
    NO_KEY_PRESSED;

    public static Screening of(boolean screened, boolean keyPressed) {
        if (!screened) {
            return OFF;
        }
        return keyPressed ? KEY_PRESSED : NO_KEY_PRESSED;
    }
}
