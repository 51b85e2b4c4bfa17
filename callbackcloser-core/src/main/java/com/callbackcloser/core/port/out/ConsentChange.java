package com.callbackcloser.core.port.out;

/** What merging an old SMS consent did to ours for the same business and phone. */
public enum ConsentChange {
    /** There was none: the old one is ours now. */
    INSERTED,
    /** Ours was older than the old app's last STOP or START: the old one won. */
    UPDATED,
    /** Ours is as new or newer (an earlier run, or the caller texted us since): left as it is. */
    UNCHANGED
}
