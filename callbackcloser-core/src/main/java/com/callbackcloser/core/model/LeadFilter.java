package com.callbackcloser.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Which of a business's leads a list shows: a pipeline status, and a search by the caller's number or name.
 *
 * <p>A search with a letter in it looks for the caller's name (any part, any case); one without is a phone
 * number, compared by its digits from the end, so "(415) 555-0123", "415.555.0123", "+1 415 555 0123" and "0123"
 * all find +14155550123 (an area code alone does not: most numbers of a business share one).
 * A search shorter than {@link #MIN_SEARCH_LENGTH} characters (or digits) filters nothing.
 */
public record LeadFilter(LeadStatus status, String search) {
    public static final LeadFilter ALL = new LeadFilter(null, null);
    public static final int MIN_SEARCH_LENGTH = 2;
    public static final int MAX_SEARCH_LENGTH = 80;

    public LeadFilter {
        search = search == null || search.isBlank() ? null : search.strip();
        if (search != null && search.length() > MAX_SEARCH_LENGTH) {
            throw new InvalidQueryException("q", "a search is at most " + MAX_SEARCH_LENGTH + " characters");
        }
        // No name or number holds one, and PostgreSQL cannot even compare text with a NUL in it.
        if (Strings.hasForbiddenCharacter(search)) {
            throw new InvalidQueryException("q", "a search holds only letters, digits and punctuation");
        }
    }

    /** The name to look for (lower case), when the search is one. */
    public Optional<String> nameSearch() {
        if (search == null || search.chars().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        String name = search.toLowerCase(Locale.ROOT);
        return name.length() >= MIN_SEARCH_LENGTH ? Optional.of(name) : Optional.empty();
    }

    /** The digits to look for in the caller's number, when the search is a phone number. */
    public Optional<String> phoneSearch() {
        if (search == null || search.chars().anyMatch(Character::isLetter)) {
            return Optional.empty();
        }
        String digits = search.replaceAll("\\D", "");
        return digits.length() >= MIN_SEARCH_LENGTH ? Optional.of(digits) : Optional.empty();
    }
}
