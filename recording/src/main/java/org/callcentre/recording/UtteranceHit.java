package org.callcentre.recording;

import java.util.List;

/**
 * One utterance found by a search: who said it, when in the call (seconds from the start of the
 * recording), the words as recognised, and the same words with the matches in {@code <em>};
 * {@code matchedBy} as in {@link CallHit}.
 */
public record UtteranceHit(
        String callId,
        String speaker,
        double startSeconds,
        double endSeconds,
        String text,
        String highlighted,
        double score,
        List<String> matchedBy) {

    public UtteranceHit {
        matchedBy = matchedBy == null ? List.of() : List.copyOf(matchedBy);
    }
}
