package org.callcentre.recording.pipeline;

import java.time.Clock;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.index.CallIndex;
import org.callcentre.recording.redaction.TranscriptRedactor;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.transcription.SpeechToText;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The recording job pipeline's beans. */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    @Bean
    RecordingJobs recordingJobs(JdbcClient jdbc) {
        return new RecordingJobs(jdbc);
    }

    @Bean
    CallEndedListener callEndedListener(RecordingJobs jobs, RecordingProperties config, Clock clock) {
        return new CallEndedListener(jobs, config.pipeline(), clock);
    }

    @Bean
    PipelineWorker pipelineWorker(RecordingJobs jobs, RecordingStore store, SpeechToText speech, CallIndex index,
            RecordingProperties config, Clock clock) {
        RecordingIntake intake = new RecordingIntake(config.spoolDir(), store, config.storage().workDir());
        CallTranscriber transcriber = new CallTranscriber(intake, store, speech,
                new TranscriptRedactor(config.redaction().patterns()));
        return new PipelineWorker(jobs, intake, transcriber, index, config, clock);
    }
}
