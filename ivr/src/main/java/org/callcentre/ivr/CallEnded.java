package org.callcentre.ivr;

import java.time.Instant;
import java.util.List;
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
 * @param recordingPauses the stretches in which the recording was paused, in order (none: empty)
 * @param ivrRecordingName the recording of the call's IVR part in the spool, if that was recorded
 *                         ({@code callcentre.ivr.recording.ivr-part})
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
        String recordingName,
        List<RecordingPause> recordingPauses,
        String ivrRecordingName) {

    public CallEnded {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(lastNode, "lastNode");
        // null from an event stored before pauses existed, redelivered by the publication log
        recordingPauses = recordingPauses == null ? List.of() : List.copyOf(recordingPauses);
    }

    /** A call whose recording was never paused. */
    public CallEnded(String callId, Instant startedAt, Instant endedAt, CallOutcome outcome, String lastNode,
            String callerId, String menuChoice, String queue, String agent, String recordingName) {
        this(callId, startedAt, endedAt, outcome, lastNode, callerId, menuChoice, queue, agent, recordingName,
                List.of(), null);
    }

    public Optional<String> recording() {
        return Optional.ofNullable(recordingName);
    }

    public Optional<String> ivrRecording() {
        return Optional.ofNullable(ivrRecordingName);
    }
}
