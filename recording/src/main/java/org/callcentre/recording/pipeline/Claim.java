package org.callcentre.recording.pipeline;

import java.time.Instant;

/**
 * One claim of a job: the instance holding its lease and when it took it. Taken-at tells this
 * claim from any later one, so a worker whose lease was taken over cannot write its results.
 */
record Claim(InstanceId holder, Instant takenAt) {
}
