package org.callcentre.recording.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.callcentre.ivr.CallEnded;
import org.callcentre.ivr.CallOutcome;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.RecordedCallIndex;
import org.callcentre.recording.TestDatabase;
import org.callcentre.recording.capture.CallRecording;
import org.callcentre.recording.redaction.TranscriptRedactor;
import org.callcentre.recording.storage.LocalRecordingStore;
import org.callcentre.recording.storage.RecordingStore;
import org.callcentre.recording.storage.RecordingStoreContract;
import org.callcentre.recording.transcription.SpeechToText;
import org.callcentre.recording.transcription.Wavs;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A pipeline on an in-memory H2 database with the module's own schema, for pipeline tests. */
final class PipelineHarness {

    /** The instance id a harness claims under unless given another. */
    static final InstanceId INSTANCE = new InstanceId("host-a:4573");

    final JdbcClient jdbc;
    final RecordingJobs jobs;
    final RecordedCallIndex index = new RecordedCallIndex();
    final PipelineWorker worker;
    final RecordingStore store;
    final InstanceId instance;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingProperties.Pipeline config;
    private final Path spool;
    private final Clock clock = Clock.systemUTC();

    PipelineHarness(Path spool, Path storeDir, SpeechToText speech, int maxAttempts) throws Exception {
        this(spool, storeDir, localStore(storeDir), speech, maxAttempts);
    }

    PipelineHarness(Path spool, Path storeDir, RecordingStore store, SpeechToText speech, int maxAttempts) {
        this(TestDatabase.create(), spool, storeDir, store, speech, maxAttempts, Duration.ofMinutes(1),
                Duration.ofSeconds(20), INSTANCE);
    }

    /**
     * A pipeline of server instance {@code instance} on the database {@code jdbc} (which other
     * harnesses may share, as server instances share one PostgreSQL), with the given lease.
     */
    PipelineHarness(JdbcClient jdbc, Path spool, Path storeDir, RecordingStore store, SpeechToText speech,
            int maxAttempts, Duration lease, Duration leaseRenewal, InstanceId instance) {
        this.jdbc = jdbc;
        this.spool = spool;
        this.instance = instance;
        PipelineMetrics metrics = new PipelineMetrics(meters);
        jobs = new RecordingJobs(jdbc, metrics);
        metrics.backlog(jobs::waiting);
        config = new RecordingProperties.Pipeline(Duration.ofMillis(100), Duration.ZERO, maxAttempts,
                Duration.ofMillis(100), lease, leaseRenewal, 1, Duration.ofMillis(100), Duration.ofMillis(100),
                new RecordingProperties.Pipeline.HealthLimits(1000, Duration.ofMinutes(10)));
        RecordingProperties properties = new RecordingProperties(spool, Path.of("unused"), 0, config,
                RecordingProperties.Index.of(java.net.URI.create("http://unused"), "unused", Duration.ofSeconds(1)),
                null, null, null);
        this.store = store;
        RecordingIntake intake = new RecordingIntake(spool, store, storeDir.resolve("work"));
        worker = new PipelineWorker(jobs, intake, new CallTranscriber(intake, store, speech,
                new TranscriptRedactor(Map.of()), metrics), index, properties, instance, clock);
    }

    /** An encrypted store in {@code storeDir}. */
    static RecordingStore localStore(Path storeDir) throws Exception {
        return new LocalRecordingStore(storeDir.resolve("store"), RecordingStoreContract.cipher("k1"));
    }

    /** Writes the recording's files into the spool: a second of silence, then one of tone. */
    CallRecording spooled(CallRecording recording) throws IOException {
        short[] tone = new short[32000];
        for (int i = 16000; i < tone.length; i++) {
            tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        java.nio.file.Files.createDirectories(spool);
        for (String file : recording.filesByPart().values()) {
            Wavs.write(spool.resolve(file), 16000, 1, tone);
        }
        return recording;
    }

    /** Claims the jobs due at {@code now} as this harness's worker would. */
    List<RecordingJob> claim(Instant now) {
        return jobs.claimDue(now, 10, config.lease(), config.maxAttempts(), instance);
    }

    /** How often the failures counter counted {@code reason} with {@code outcome}, over all stages. */
    double failures(FailureReason reason, PipelineMetrics.Outcome outcome) {
        return meters.find(PipelineMetrics.FAILURES).tag("reason", reason.tag())
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).counters().stream()
                .mapToDouble(Counter::count).sum();
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
