package org.callcentre.recording.pipeline;

import java.time.Instant;

/**
 * A job: the call's facts, the stage to run next and the attempts made at that stage.
 *
 * @param recordingName    the conversation's recording in the spool, if one was started
 * @param ivrRecordingName the IVR part's recording in the spool, if it was recorded
 * @param indexedAt        when the call first became searchable; null until then
 * @param claim            the lease on the job as read: the claim of the worker running it, or
 *                         (before a claim) the one a dead worker left, or null
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
        String lastError,
        Instant indexedAt,
        Claim claim) {

    /** The same job once claimed: the claim counts as an attempt. */
    RecordingJob claimed(Claim by) {
        return new RecordingJob(callId, recordingName, startedAt, endedAt, outcome, lastNode, menuChoice, queue, agent,
                ivrRecordingName, stage, attempts + 1, lastError, indexedAt, by);
    }

    /** The same job moved on to the next stage within one claim: that stage's first attempt. */
    RecordingJob at(Stage next) {
        return new RecordingJob(callId, recordingName, startedAt, endedAt, outcome, lastNode, menuChoice, queue, agent,
                ivrRecordingName, next, 1, null, indexedAt, claim);
    }
}
