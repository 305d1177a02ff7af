package org.callcentre.recording.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.callcentre.ivr.CallEnded;
import org.callcentre.ivr.CallOutcome;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.RecordedCallIndex;
import org.callcentre.recording.TestDatabase;
import org.callcentre.recording.redaction.TranscriptRedactor;
import org.callcentre.recording.storage.LocalRecordingStore;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.storage.RecordingStoreContract;
import org.callcentre.recording.transcription.SpeechToText;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A pipeline on an in-memory H2 database with the module's own schema, for pipeline tests. */
final class PipelineHarness {

    final JdbcClient jdbc;
    final RecordingJobs jobs;
    final RecordedCallIndex index = new RecordedCallIndex();
    final PipelineWorker worker;
    final RecordingStore store;
    private final Clock clock = Clock.systemUTC();

    PipelineHarness(Path spool, Path storeDir, SpeechToText speech, int maxAttempts) throws Exception {
        this(spool, storeDir, new LocalRecordingStore(storeDir.resolve("store"), RecordingStoreContract.cipher("k1")),
                speech, maxAttempts);
    }

    PipelineHarness(Path spool, Path storeDir, RecordingStore store, SpeechToText speech, int maxAttempts) {
        jdbc = TestDatabase.create();
        jobs = new RecordingJobs(jdbc);
        RecordingProperties config = new RecordingProperties(spool, Path.of("unused"),
                new RecordingProperties.Pipeline(Duration.ofMillis(100), Duration.ZERO, maxAttempts,
                        Duration.ofMillis(100), Duration.ofMinutes(10), 1, Duration.ofMillis(100), Duration.ofMillis(100),
                        new RecordingProperties.Pipeline.HealthLimits(1000, Duration.ofMinutes(10))),
                new RecordingProperties.Index(java.net.URI.create("http://unused"), "unused", Duration.ofSeconds(1), "en",
                        Map.of()),
                null, null, null);
        this.store = store;
        RecordingIntake intake = new RecordingIntake(spool, store, storeDir.resolve("work"));
        worker = new PipelineWorker(jobs, intake, new CallTranscriber(intake, store, speech,
                new TranscriptRedactor(Map.of())), index, config, clock);
    }

    /** Enqueues an answered call whose recording is {@code recordingName} in the spool. */
    String call(String recordingName) {
        Instant now = clock.instant();
        return call(recordingName, "support", now);
    }

    /** Enqueues an answered call of the queue that ended at {@code ended}. */
    String call(String recordingName, String queue, Instant ended) {
        return call(recordingName, queue, ended, CallOutcome.ANSWERED);
    }

    /** Enqueues a call the caller left while waiting in the queue (never bridged to an agent). */
    String abandonedInQueue(String recordingName) {
        return call(recordingName, "support", clock.instant(), CallOutcome.ABANDONED_IN_QUEUE);
    }

    private String call(String recordingName, String queue, Instant ended, CallOutcome outcome) {
        return call(recordingName, null, queue, ended, outcome);
    }

    /**
     * Enqueues a call whose IVR part was recorded into {@code ivrRecordingName} and whose
     * conversation (if it got that far) into {@code recordingName}.
     */
    String withIvrPart(String recordingName, String ivrRecordingName, CallOutcome outcome) {
        return call(recordingName, ivrRecordingName, "support", clock.instant(), outcome);
    }

    private String call(String recordingName, String ivrRecordingName, String queue, Instant ended,
            CallOutcome outcome) {
        String callId = "call-" + UUID.randomUUID();
        jobs.enqueue(new CallEnded(callId, ended.minusSeconds(60), ended, outcome, "queue", "0000",
                "returns-exchanges-repairs", queue, outcome == CallOutcome.ANSWERED ? "agent1" : null,
                recordingName, java.util.List.of(), ivrRecordingName), clock.instant(), clock.instant());
        return callId;
    }

    String state(String callId) {
        return jobs.status(callId).orElseThrow().stage();
    }

    String reason(String callId) {
        return jobs.status(callId).orElseThrow().lastError();
    }
}
