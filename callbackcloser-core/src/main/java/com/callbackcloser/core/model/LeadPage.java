package com.callbackcloser.core.model;

import java.util.List;

/** One page of leads, newest first; {@code nextCursor} is null on the last page. */
public record LeadPage(List<LeadSummary> leads, String nextCursor) {
    public LeadPage {
        leads = List.copyOf(leads);
    }

    /** The first {@code size} of {@code found} (asked for one more than that), with a cursor when there are more. */
    public static LeadPage of(List<LeadSummary> found, int size) {
        if (found.size() <= size) {
            return new LeadPage(found, null);
        }
        List<LeadSummary> page = found.subList(0, size);
        Lead last = page.get(size - 1).lead();
        return new LeadPage(page, new LeadCursor(last.createdAt(), last.id()).encode());
    }
}
