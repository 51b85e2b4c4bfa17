package com.callbackcloser.core.port.in;

import com.callbackcloser.core.model.legacy.ImportReport;

/** Brings the old app's businesses, consents, calls, leads and messages into this service. */
public interface ImportLegacyUseCase {

    /**
     * Imports what is not here yet and reports every old row: imported, already there, or skipped and why.
     *
     * @throws LegacyImportRefusedException before anything is written, when the source is not the old app's
     *     database or ours is not migrated
     */
    ImportReport importLegacy(ImportLegacy command);
}
