package org.callcentre.recording;

import java.util.Objects;
import java.util.Optional;

/**
 * A search over calls.
 *
 * @param text      the query in the search syntax: words, "quoted phrases", AND/OR/NOT, +/-,
 *                  parentheses, trailing * for prefixes, and the call's fields (agent:, queue:,
 *                  choice:, outcome:, type:, resolved:, followup:; utterances add speaker:),
 *                  whose values match whatever their case. Blank finds every call, newest first.
 * @param onlyAgent when present, only that agent's calls are searched (agents see their own)
 */
public record SearchQuery(String text, Optional<String> onlyAgent, int limit) {

    public static final int MAX_LENGTH = 1000;
    public static final int MAX_LIMIT = 200;

    public SearchQuery {
        // only the end is stripped, so positions in error messages count from what the user typed
        text = text == null ? "" : text.stripTrailing();
        Objects.requireNonNull(onlyAgent, "onlyAgent");
        if (text.length() > MAX_LENGTH) {
            throw new InvalidSearchQuery("query is longer than " + MAX_LENGTH + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidSearchQuery(InvalidSearchQuery.Part.LIMIT, "limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
