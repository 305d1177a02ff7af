package org.callcentre.recording;

import java.time.Instant;
import java.util.List;

/**
 * One call found by a search. {@code recordingId} is an opaque reference to the call's recording
 * (recordings are never served by path); empty when the call was not recorded. The wrap-up
 * fields are empty until the agent has set the call's disposition. {@code matchedBy} says why it
 * matched: {@code exact} (a word as typed), {@code phrase}, {@code sounds-like} (a word that sounds
 * the same), {@code spelling} (a word one or two letters off); empty for a search by fields alone.
 */
public record CallHit(
        String callId,
        Instant startedAt,
        Instant endedAt,
        String outcome,
        String menuChoice,
        String queue,
        String agent,
        String recordingId,
        String transcript,
        String businessType,
        Boolean resolved,
        Boolean followUp,
        double score,
        List<String> matchedBy) {

    public CallHit {
        matchedBy = matchedBy == null ? List.of() : List.copyOf(matchedBy);
    }
}
