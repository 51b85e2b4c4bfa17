package com.callbackcloser.api.views;

import java.util.List;

/**
 * What an inbox's refresh answers when new leads arrived: the rows to put on top (swapped in out of band), the
 * refresher again with the newest lead as its mark, and a sentence for screen readers. When more arrived than one
 * refresh brings ({@code more}), the page offers a reload.
 */
public final class InboxUpdates extends Page {
    private final List<InboxRow> rows;
    private final String refreshHref;
    private final int refreshSeconds;
    private final boolean more;
    private final String announcement;

    InboxUpdates(Chrome chrome, List<InboxRow> rows, String refreshHref, int refreshSeconds, boolean more) {
        super("inbox-updates.ftlh", chrome);
        this.rows = List.copyOf(rows);
        this.refreshHref = refreshHref;
        this.refreshSeconds = refreshSeconds;
        this.more = more;
        this.announcement =
                rows.size() == 1 ? "New missed call from " + rows.get(0).title() : rows.size() + " new missed calls";
    }

    public List<InboxRow> getRows() {
        return rows;
    }

    public String getRefreshHref() {
        return refreshHref;
    }

    public int getRefreshSeconds() {
        return refreshSeconds;
    }

    public boolean isMore() {
        return more;
    }

    public String getAnnouncement() {
        return announcement;
    }
}
