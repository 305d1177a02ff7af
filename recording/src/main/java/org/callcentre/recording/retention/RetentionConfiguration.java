package org.callcentre.recording.retention;

import java.time.Clock;
import java.util.TimeZone;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.index.CallIndex;
import org.callcentre.recording.storage.RecordingStore;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The retention purge and its Quartz schedule ({@code callcentre.recording.retention.*}). */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    @Bean
    RecordingPurge recordingPurge(JdbcClient jdbc, RecordingStore store, CallIndex index,
            RecordingProperties config, Clock clock) {
        var retention = config.retention();
        return new RecordingPurge(jdbc, store, index, new RetentionPolicy(retention.standard(), retention.perQueue()),
                clock);
    }

    @Bean
    JobDetail retentionPurgeJob() {
        return JobBuilder.newJob(RetentionPurgeJob.class).withIdentity("recording-retention-purge")
                .withDescription("Deletes recordings and transcripts past retention").storeDurably().build();
    }

    @Bean
    Trigger retentionPurgeTrigger(JobDetail retentionPurgeJob, RecordingProperties config) {
        return TriggerBuilder.newTrigger().forJob(retentionPurgeJob).withIdentity("recording-retention-purge")
                .withSchedule(CronScheduleBuilder.cronSchedule(config.retention().schedule())
                        .inTimeZone(TimeZone.getTimeZone("UTC")))
                .build();
    }
}
