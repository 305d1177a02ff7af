package org.callcentre.recording.pipeline;

import java.time.Instant;

/**
 * A job: the call's facts, the stage to run next and the attempts made at that stage.
 *
 * @param recordingName    the conversation's recording in the spool, if one was started
 * @param ivrRecordingName the IVR part's recording in the spool, if it was recorded
 */
record RecordingJob(
        String callId,
        String recordingName,
        Instant startedAt,
        Instant endedAt,
        String outcome,
        String lastNode,
        String menuChoice,
        String queue,
        String agent,
        String ivrRecordingName,
        Stage stage,
        int attempts,
        String lastError) {

    /** The same job once claimed: the claim counts as an attempt. */
    RecordingJob claimed() {
        return new RecordingJob(callId, recordingName, startedAt, endedAt, outcome, lastNode, menuChoice, queue, agent,
                ivrRecordingName, stage, attempts + 1, lastError);
    }

    /** The same job moved on to the next stage within one claim: that stage's first attempt. */
    RecordingJob at(Stage next) {
        return new RecordingJob(callId, recordingName, startedAt, endedAt, outcome, lastNode, menuChoice, queue, agent,
                ivrRecordingName, next, 1, null);
    }
}
