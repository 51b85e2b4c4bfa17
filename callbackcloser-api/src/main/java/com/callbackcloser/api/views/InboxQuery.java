package com.callbackcloser.api.views;

import com.callbackcloser.core.model.LeadCursor;
import com.callbackcloser.core.model.LeadFilter;
import com.callbackcloser.core.model.LeadStatus;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The inbox's query string: which business, the status filter, the search. Unknown statuses show everything
 * (a stale bookmark is not an error); the search's rules are the core's ({@link LeadFilter}).
 */
record InboxQuery(UUID businessId, LeadStatus status, String search) {
    /** Marks "before every lead": an empty inbox asks for anything newer than this. */
    static final String BEGINNING = new LeadCursor(Instant.EPOCH, new UUID(0, 0)).encode();

    static InboxQuery of(UUID businessId, String status, String search) {
        return new InboxQuery(businessId, status(status), search == null ? "" : search.strip());
    }

    LeadFilter filter() {
        return new LeadFilter(status, search);
    }

    String statusValue() {
        return status == null ? "" : status.name().toLowerCase(Locale.ROOT);
    }

    /** The inbox page from {@code cursor} on (null: the newest). */
    String page(String cursor) {
        UriBuilder uri = base("/leads");
        if (cursor != null) {
            uri.queryParam("cursor", cursor);
        }
        return uri.build().toString();
    }

    String refresh(String since) {
        return base("/leads/updates").queryParam("since", since).build().toString();
    }

    private UriBuilder base(String path) {
        UriBuilder uri = UriBuilder.fromPath(path).queryParam("business", businessId);
        if (status != null) {
            uri.queryParam("status", statusValue());
        }
        if (!search.isEmpty()) {
            uri.queryParam("q", search);
        }
        return uri;
    }

    private static LeadStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LeadStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
