package org.callcentre.ivr;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Published once per call, in the transaction that stores its journey. Persisted by the event
 * publication log, so a listener that had not finished when the server died gets it again.
 *
 * @param callId        Asterisk's linkedid of the call
 * @param lastNode      the IVR node the call reached last
 * @param menuChoice    the business type the caller chose in the menu, if any
 * @param queue         the queue joined, if any
 * @param agent         the agent who answered, if any
 * @param recordingName the recording's file name in the recording spool, if the call was recorded
 */
public record CallEnded(
        String callId,
        Instant startedAt,
        Instant endedAt,
        CallOutcome outcome,
        String lastNode,
        String callerId,
        String menuChoice,
        String queue,
        String agent,
        String recordingName) {

    public CallEnded {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(lastNode, "lastNode");
    }

    public Optional<String> recording() {
        return Optional.ofNullable(recordingName);
    }
}
