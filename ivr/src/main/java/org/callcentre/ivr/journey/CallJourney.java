package org.callcentre.ivr.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.callcentre.ivr.CallEnded;
import org.callcentre.ivr.CallOutcome;
import org.callcentre.ivr.RecordingPause;

/**
 * Everything a call did at the hotline, keyed by Asterisk's linkedid. Stored once, when the
 * call's IVR session ends, with the stretches in which its recording was paused.
 *
 * @param recordingName    the recording of the conversation with an agent, if one was started
 * @param ivrRecordingName the recording of the IVR part, if configured ({@code ivr-part})
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
        String ivrRecordingName,
        List<JourneyStep> steps,
        List<RecordingPause> recordingPauses) {

    public CallJourney {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(lastNode, "lastNode");
        steps = List.copyOf(steps);
        recordingPauses = recordingPauses == null ? List.of() : List.copyOf(recordingPauses);
    }

    /** The same journey with the pauses of its recording. */
    CallJourney withRecordingPauses(List<RecordingPause> pauses) {
        return new CallJourney(callId, callerId, startedAt, endedAt, outcome, lastNode, menuChoice, queue, queueWait,
                agent, recordingName, ivrRecordingName, steps, pauses);
    }

    CallEnded ended() {
        return new CallEnded(callId, startedAt, endedAt, outcome, lastNode, callerId, menuChoice, queue, agent,
                recordingName, recordingPauses, ivrRecordingName);
    }
}
