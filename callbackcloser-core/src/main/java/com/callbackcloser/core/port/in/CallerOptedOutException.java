package com.callbackcloser.core.port.in;

/** The caller said STOP to this business: nothing may be texted to them until they text START. */
public class CallerOptedOutException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public CallerOptedOutException() {
        super("The caller opted out (they texted STOP), so they get no texts from this number. They can text START"
                + " to opt back in; until then, call them.");
    }
}
