package org.callcentre.recording;

import java.util.List;

/** Searches the indexed calls. Thread-safe. */
public interface CallSearch {

    /**
     * @throws InvalidSearchQuery  when the text is not valid search syntax
     * @throws IndexUnavailable    when the index cannot be reached
     */
    List<CallHit> search(SearchQuery query);

    /**
     * Searches single utterances; the syntax adds {@code speaker:customer} / {@code speaker:agent}.
     *
     * @throws InvalidSearchQuery  when the text is not valid search syntax
     * @throws IndexUnavailable    when the index cannot be reached
     */
    List<UtteranceHit> searchUtterances(SearchQuery query);

    /** The call index cannot be reached right now. */
    class IndexUnavailable extends RuntimeException {
        public IndexUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
