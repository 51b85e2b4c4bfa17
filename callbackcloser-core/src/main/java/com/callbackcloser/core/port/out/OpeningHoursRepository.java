package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.OpeningHours;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A business's opening hours; none stored means always open. */
public interface OpeningHoursRepository {

    Optional<OpeningHours> find(UUID businessId);

    /** Stores these hours in place of any stored before. */
    void replace(UUID businessId, OpeningHours hours, Instant now);

    /** Forgets the hours (always open again); whether there were any. */
    boolean clear(UUID businessId);
}
