package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.LeadFilter;
import com.callbackcloser.db.dao.LeadDao;

/**
 * A lead filter's search as SQL: one of the DAO's fixed clauses, and the LIKE pattern bound to it. What the user
 * typed only ever reaches the database as a bound value, with LIKE's wildcards escaped.
 */
record LeadSearch(String clause, String pattern) {
    private static final LeadSearch NONE = new LeadSearch(LeadDao.NO_SEARCH, null);

    static LeadSearch of(LeadFilter filter) {
        return filter.phoneSearch()
                .map(digits -> new LeadSearch(LeadDao.PHONE_SEARCH, new StringBuilder(digits).reverse() + "%"))
                .or(() ->
                        filter.nameSearch().map(name -> new LeadSearch(LeadDao.NAME_SEARCH, "%" + escape(name) + "%")))
                .orElse(NONE);
    }

    /** LIKE's escape character is the backslash: the user's {@code %}, {@code _} and backslashes are literal. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
