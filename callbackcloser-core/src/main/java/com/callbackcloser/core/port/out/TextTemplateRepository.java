package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.TextTemplates;
import java.time.Instant;
import java.util.UUID;

/** The texts a business worded itself; a kind without a row uses the built-in text. */
public interface TextTemplateRepository {

    TextTemplates find(UUID businessId);

    /** Stores exactly these templates: a kind left out goes back to the built-in text. */
    void replace(UUID businessId, TextTemplates templates, Instant now);
}
