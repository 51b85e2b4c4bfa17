package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.LeadPage;
import java.util.List;

/** A page of leads; pass {@code nextCursor} as {@code cursor} for the next one (null on the last page). */
public record LeadPageView(List<LeadView> leads, String nextCursor) {
    public static LeadPageView of(LeadPage page) {
        return new LeadPageView(page.leads().stream().map(LeadView::of).toList(), page.nextCursor());
    }
}
