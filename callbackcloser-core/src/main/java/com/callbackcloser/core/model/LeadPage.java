package com.callbackcloser.core.model;

import java.util.List;

/** One page of leads, newest first; {@code nextCursor} is null on the last page. */
public record LeadPage(List<LeadSummary> leads, String nextCursor) {
    public LeadPage {
        leads = List.copyOf(leads);
    }
}
