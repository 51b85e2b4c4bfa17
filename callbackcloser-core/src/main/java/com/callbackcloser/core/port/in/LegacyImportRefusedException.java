package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.RefusedException;

/** The import will not start: the source does not look like the old app's database, or ours is not migrated. */
public class LegacyImportRefusedException extends RefusedException {
    private static final long serialVersionUID = 1L;

    public LegacyImportRefusedException(String message) {
        super(message);
    }
}
