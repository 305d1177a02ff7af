package org.callcentre.recording.pipeline;

/**
 * A worker's lease on its job was taken over (it expired and another worker claimed the job, or
 * the instance's restart released it): what the worker did is not written.
 */
final class LeaseLost extends RuntimeException {
    LeaseLost(String callId, Claim claim) {
        super("lease on " + callId + " taken by " + claim.holder() + " at " + claim.takenAt()
                + " is no longer held");
    }
}
