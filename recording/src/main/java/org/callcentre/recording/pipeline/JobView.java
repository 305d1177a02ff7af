package org.callcentre.recording.pipeline;

import java.time.Instant;

/**
 * A recording job as operators see it: where it stands, who is working on it since when and,
 * when it failed, why.
 *
 * @param leaseHolder  the server instance ({@code callcentre.instance-id}) whose worker holds the
 *                     job, or held it when it died; null when no worker does
 * @param leaseTakenAt when that worker claimed the job
 * @param leaseUntil   until when the lease holds unless renewed (a running job's is renewed
 *                     every {@code lease-renewal}); past it, another worker takes the job over
 */
record JobView(String callId, String recordingName, Stage state, int attempts, String lastError, Instant callEndedAt,
        Instant updatedAt, String leaseHolder, Instant leaseTakenAt, Instant leaseUntil) {
}
