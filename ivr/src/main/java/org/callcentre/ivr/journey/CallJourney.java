package org.callcentre.ivr.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.callcentre.ivr.CallEnded;
import org.callcentre.ivr.CallOutcome;

/**
 * Everything a call did at the hotline, keyed by Asterisk's linkedid. Stored once, when the
 * call's IVR session ends.
 */
public record CallJourney(
        String callId,
        String callerId,
        Instant startedAt,
        Instant endedAt,
        CallOutcome outcome,
        String lastNode,
        String menuChoice,
        String queue,
        Duration queueWait,
        String agent,
        String recordingName,
        List<JourneyStep> steps) {

    public CallJourney {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(lastNode, "lastNode");
        steps = List.copyOf(steps);
    }

    CallEnded ended() {
        return new CallEnded(callId, startedAt, endedAt, outcome, lastNode, callerId, menuChoice, queue, agent,
                recordingName);
    }
}
