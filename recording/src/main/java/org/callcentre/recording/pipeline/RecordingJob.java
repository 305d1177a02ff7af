package org.callcentre.recording.pipeline;

import java.time.Instant;

/** A claimed job: the call's facts and the stage to run next. */
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
        Stage stage,
        int attempts) {

    RecordingJob at(Stage next) {
        return new RecordingJob(callId, recordingName, startedAt, endedAt, outcome, lastNode, menuChoice, queue, agent,
                next, 0);
    }
}
