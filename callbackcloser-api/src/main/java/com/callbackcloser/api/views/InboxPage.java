package com.callbackcloser.api.views;

import java.util.List;

/**
 * The leads inbox: the business's missed calls, newest first, filtered and searched, paged by cursor. The first
 * page asks for newer leads every few seconds ({@code refreshHref}); later pages stay as they are. An empty inbox
 * says what to do next ({@code emptyTitle}, {@code emptyText}: the business's number).
 */
public final class InboxPage extends Page {
    private final List<InboxRow> rows;
    private final String search;
    private final String status;
    private final List<Option> statuses;
    private final String olderHref;
    private final String newestHref;
    private final String refreshHref;
    private final int refreshSeconds;
    private final String emptyTitle;
    private final String emptyText;
    private final String subject;

    /** A choice of a select: value, label, and whether it is the current one. */
    public record Option(String value, String label, boolean selected) {}

    InboxPage(
            Chrome chrome,
            List<InboxRow> rows,
            String search,
            String status,
            List<Option> statuses,
            String olderHref,
            String newestHref,
            String refreshHref,
            int refreshSeconds,
            String emptyTitle,
            String emptyText,
            String subject) {
        super("inbox.ftlh", chrome);
        this.rows = List.copyOf(rows);
        this.search = search;
        this.status = status;
        this.statuses = List.copyOf(statuses);
        this.olderHref = olderHref;
        this.newestHref = newestHref;
        this.refreshHref = refreshHref;
        this.refreshSeconds = refreshSeconds;
        this.emptyTitle = emptyTitle;
        this.emptyText = emptyText;
        this.subject = subject;
    }

    public List<InboxRow> getRows() {
        return rows;
    }

    public String getSearch() {
        return search;
    }

    public String getStatus() {
        return status;
    }

    public List<Option> getStatuses() {
        return statuses;
    }

    public String getOlderHref() {
        return olderHref;
    }

    public String getNewestHref() {
        return newestHref;
    }

    public String getRefreshHref() {
        return refreshHref;
    }

    public int getRefreshSeconds() {
        return refreshSeconds;
    }

    public String getEmptyTitle() {
        return emptyTitle;
    }

    public String getEmptyText() {
        return emptyText;
    }

    /** The signed-in subject, for the page shown to someone who is no business's member yet. */
    public String getSubject() {
        return subject;
    }

    public boolean isFiltered() {
        return !search.isEmpty() || !status.isEmpty();
    }

    /** Signed in, but a member of no business: the page says how to get one. */
    public boolean isNoBusiness() {
        return getChrome().business() == null;
    }
}
