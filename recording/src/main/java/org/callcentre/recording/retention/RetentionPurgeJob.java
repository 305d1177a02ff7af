package org.callcentre.recording.retention;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job that runs the retention purge on the configured schedule, one run at a time. */
@DisallowConcurrentExecution
final class RetentionPurgeJob implements Job {

    private final RecordingPurge purge;

    RetentionPurgeJob(RecordingPurge purge) {
        this.purge = purge;
    }

    @Override
    public void execute(JobExecutionContext context) {
        purge.purge();
    }
}
