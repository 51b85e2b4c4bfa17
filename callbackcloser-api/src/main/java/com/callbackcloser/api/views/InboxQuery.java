package com.callbackcloser.api.views;

import com.callbackcloser.core.model.LeadCursor;
import com.callbackcloser.core.model.LeadFilter;
import com.callbackcloser.core.model.LeadStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
        return "/leads?" + query(cursor == null ? "" : "&cursor=" + encode(cursor));
    }

    String refresh(String since) {
        return "/leads/updates?" + query("&since=" + encode(since));
    }

    /**
     * Built by hand, every value percent-encoded: JAX-RS's UriBuilder would read a search such as {@code ${x}} as a
     * template.
     */
    private String query(String more) {
        StringBuilder query = new StringBuilder("business=").append(businessId);
        if (status != null) {
            query.append("&status=").append(statusValue());
        }
        if (!search.isEmpty()) {
            query.append("&q=").append(encode(search));
        }
        return query.append(more).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
