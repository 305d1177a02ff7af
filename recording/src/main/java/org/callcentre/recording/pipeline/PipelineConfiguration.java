package org.callcentre.recording.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.index.CallIndex;
import org.callcentre.recording.redaction.TranscriptRedactor;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.transcription.SpeechToText;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The recording job pipeline's beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstanceProperties.class)
public class PipelineConfiguration {

    @Bean
    InstanceId instanceId(InstanceProperties instance, IvrProperties ivr) {
        return InstanceId.of(instance.instanceId(), ivr.fastagi().port());
    }

    @Bean
    PipelineMetrics pipelineMetrics(MeterRegistry registry) {
        return new PipelineMetrics(registry);
    }

    @Bean
    RecordingJobs recordingJobs(JdbcClient jdbc, PipelineMetrics metrics) {
        RecordingJobs jobs = new RecordingJobs(jdbc, metrics);
        metrics.backlog(jobs::waiting);
        return jobs;
    }

    @Bean
    CallEndedListener callEndedListener(RecordingJobs jobs, RecordingProperties config, Clock clock) {
        return new CallEndedListener(jobs, config.pipeline(), clock);
    }

    @Bean
    PipelineWorker pipelineWorker(RecordingJobs jobs, RecordingStore store, SpeechToText speech, CallIndex index,
            RecordingProperties config, InstanceId instance, PipelineMetrics metrics, Clock clock) {
        RecordingIntake intake = new RecordingIntake(config.spoolDir(), store, config.storage().workDir());
        CallTranscriber transcriber = new CallTranscriber(intake, store, speech,
                new TranscriptRedactor(config.redaction().patterns()), metrics);
        return new PipelineWorker(jobs, intake, transcriber, index, config, instance, clock);
    }
}
