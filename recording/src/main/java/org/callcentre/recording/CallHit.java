package org.callcentre.recording;

import java.time.Instant;

/**
 * One call found by a search. {@code recordingId} is an opaque reference to the call's recording
 * (recordings are never served by path); empty when the call was not recorded. The wrap-up
 * fields are empty until the agent has set the call's disposition.
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
        double score) {
}
