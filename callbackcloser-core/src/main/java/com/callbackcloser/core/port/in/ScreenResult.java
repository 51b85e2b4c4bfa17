package com.callbackcloser.core.port.in;

import static com.callbackcloser.core.model.Strings.trimToNull;

/**
 * What the person (or voicemail) on the forwarded leg did with the whisper: the {@code <Gather>} action. Like the
 * whisper request it is made on the forwarded leg, so the call it belongs to is {@code parentCallSid}.
 *
 * @param digits the keys pressed; empty when none were
 */
public record ScreenResult(String parentCallSid, String callSid, String digits) {
    /** The key that takes the call; the whisper asks for it. */
    public static final String ACCEPT_KEY = "1";

    public boolean accepted() {
        return ACCEPT_KEY.equals(trimToNull(digits));
    }
}
