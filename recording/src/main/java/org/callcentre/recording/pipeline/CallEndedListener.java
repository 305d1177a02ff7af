package org.callcentre.recording.pipeline;

import java.time.Clock;
import org.callcentre.ivr.CallDispositioned;
import org.callcentre.ivr.CallEnded;
import org.callcentre.recording.RecordingProperties;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Turns each finished call into a recording job, and each wrap-up into the call's index entry.
 * Runs after the ivr module's transaction commits; the publication log redelivers the event if
 * the server dies before it is stored.
 */
class CallEndedListener {

    private final RecordingJobs jobs;
    private final RecordingProperties.Pipeline config;
    private final Clock clock;

    CallEndedListener(RecordingJobs jobs, RecordingProperties.Pipeline config, Clock clock) {
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CallEnded call) {
        var now = clock.instant();
        jobs.enqueue(call, now.plus(config.settleDelay()), now);
    }

    /** The agent's wrap-up goes into the index with the call, so QA can filter on it. */
    @ApplicationModuleListener
    void on(CallDispositioned wrapUp) {
        jobs.dispositioned(wrapUp, clock.instant());
    }
}
