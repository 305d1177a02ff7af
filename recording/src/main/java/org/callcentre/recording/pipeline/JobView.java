package org.callcentre.recording.pipeline;

import java.time.Instant;

/** A recording job as operators see it: where it stands and, when it failed, why. */
record JobView(String callId, String recordingName, Stage state, int attempts, String lastError, Instant callEndedAt,
        Instant updatedAt) {
}
