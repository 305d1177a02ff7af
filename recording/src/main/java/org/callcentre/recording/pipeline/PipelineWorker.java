package org.callcentre.recording.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.callcentre.recording.CallSearch.IndexUnavailable;
import org.callcentre.ivr.RecordingPause;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.index.CallDocument;
import org.callcentre.recording.index.CallIndex;
import org.callcentre.recording.index.IndexedCall;
import org.callcentre.recording.pipeline.RecordingJobs.StoredDisposition;
import org.callcentre.recording.redaction.Redaction;
import org.callcentre.recording.storage.RecordingStoreUnavailable;
import org.callcentre.recording.transcription.Transcript;
import org.callcentre.recording.transcription.UnusableRecording;
import org.callcentre.recording.transcription.Utterance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs recording jobs: transcribe (the transcript is stored before anything is indexed), then
 * index. Polls the job table; runs at most {@code workers} jobs at once, claimed under this
 * server instance's id. At start, before claiming anything, it releases the leases its own
 * previous run died with; while jobs run, it renews their leases every {@code lease-renewal}
 * (ADR 19). A recording that can never be transcribed fails at once with its reason; other
 * failures retry with backoff.
 */
class PipelineWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PipelineWorker.class);
    private static final TypeReference<List<Utterance>> UTTERANCES = new TypeReference<>() { };

    private final RecordingJobs jobs;
    private final RecordingIntake intake;
    private final CallTranscriber transcriber;
    private final CallIndex index;
    private final RecordingProperties config;
    private final InstanceId instance;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Semaphore slots;
    /** The jobs this instance's workers are running, by call id: the leases to renew. */
    private final Map<String, RecordingJob> running = new ConcurrentHashMap<>();
    private ScheduledExecutorService poller;
    private ExecutorService workers;

    PipelineWorker(RecordingJobs jobs, RecordingIntake intake, CallTranscriber transcriber, CallIndex index,
            RecordingProperties config, InstanceId instance, Clock clock) {
        this.jobs = jobs;
        this.intake = intake;
        this.transcriber = transcriber;
        this.index = index;
        this.config = config;
        this.instance = instance;
        this.clock = clock;
        this.slots = new Semaphore(config.pipeline().workerCount());
    }

    void drain() {
        int free = slots.availablePermits();
        if (free == 0) {
            return;
        }
        for (RecordingJob job : jobs.claimDue(clock.instant(), free, config.pipeline().lease(),
                config.pipeline().maxAttempts(), instance)) {
            slots.acquireUninterruptibly();
            running.put(job.callId(), job);
            workers.execute(() -> {
                try {
                    run(job);
                } finally {
                    running.remove(job.callId());
                    slots.release();
                }
            });
        }
    }

    /**
     * Renews the lease of every job running here. A lease found taken over is no longer renewed;
     * the worker's result will not be written (its writes require the claim), and the log says
     * who took it.
     */
    void renewLeases() {
        Instant until = clock.instant().plus(config.pipeline().lease());
        for (RecordingJob job : List.copyOf(running.values())) {
            if (jobs.renew(job, until)) {
                continue;
            }
            running.remove(job.callId(), job);
            jobs.claimOf(job.callId()).filter(current -> !current.equals(job.claim())).ifPresent(current -> {
                MDC.put("callId", job.callId());
                log.warn("Lease lost: the job is now held by {} since {}; this server could not renew it in time, "
                        + "or another running server has the same callcentre.instance-id", current.holder(),
                        current.takenAt());
                MDC.remove("callId");
            });
        }
    }

    /**
     * Releases the leases this instance's previous run held when it stopped, so their jobs run
     * again at once. Only before this run claims anything: every lease under this instance's id
     * is then a dead run's.
     */
    private void reclaimOwnLeases() {
        for (RecordingJob job : jobs.reclaim(instance, clock.instant())) {
            MDC.put("callId", job.callId());
            log.info("Lease reclaimed: this server ({}) stopped during attempt {} at {} (claimed at {}); it runs again",
                    instance, job.attempts(), job.stage(), job.claim().takenAt());
            MDC.remove("callId");
        }
    }

    void run(RecordingJob job) {
        MDC.put("callId", job.callId());
        try {
            attempt(job);
        } catch (LeaseLost e) {
            log.warn("Result not written: {}", e.getMessage());
        } finally {
            MDC.remove("callId");
        }
    }

    /**
     * One attempt at the job's stages. A failure is recorded against the stage it happened at:
     * after the transcript is stored, that is INDEX's first attempt.
     */
    private void attempt(RecordingJob job) {
        RecordingJob current = job;
        try {
            if (current.stage() == Stage.TRANSCRIBE) {
                log.info("Transcribing (attempt {})", current.attempts());
                Redaction redaction = transcriber.transcribe(current.callId(), current.recordingName(),
                        current.ivrRecordingName(), "ANSWERED".equals(current.outcome()));
                Transcript transcript = redaction.transcript();
                jobs.transcribed(current, json.writeValueAsString(transcript.utterances()),
                        redaction.masked(), clock.instant());
                log.info("Transcribed: {} utterances, {} stretch(es) redacted", transcript.utterances().size(),
                        redaction.masked().size());
                current = current.at(Stage.INDEX);
            }
            List<Utterance> utterances = json.readValue(jobs.transcript(current.callId()).orElse("[]"), UTTERANCES);
            Optional<StoredDisposition> wrapUp = jobs.disposition(current.callId());
            CallDocument call = document(current, new Transcript(utterances), jobs.pauses(current.callId()));
            if (wrapUp.isPresent()) {
                call = call.wrappedUp(wrapUp.get().businessType(), wrapUp.get().resolved(), wrapUp.get().followUp());
            }
            index.index(new IndexedCall(call, utterances, config.index().languageOf(current.queue())));
            jobs.indexed(current, wrapUp.map(StoredDisposition::revision).orElse(0), clock.instant());
            log.info("Call indexed ({} utterances)", utterances.size());
        } catch (LeaseLost e) {
            throw e;
        } catch (UnusableRecording e) {
            log.warn("Recording failed for good: {}", e.getMessage());
            jobs.failed(current, FailureReason.UNUSABLE_RECORDING, e.getMessage(), clock.instant());
        } catch (IndexUnavailable e) {
            log.info("Index unavailable, indexing postponed: {}", e.getMessage());
            jobs.postponed(current, FailureReason.INDEX_UNAVAILABLE, e.getMessage(), config.pipeline().indexRetry(),
                    clock.instant());
        } catch (RecordingStoreUnavailable e) {
            log.warn("Recording store unavailable, job postponed: {}", e.getMessage());
            jobs.postponed(current, FailureReason.STORE_UNAVAILABLE, e.getMessage(), config.pipeline().storeRetry(),
                    clock.instant());
        } catch (RecordingNotReady e) {
            log.info("Will retry: {}", e.getMessage());
            retry(current, FailureReason.RECORDING_NOT_READY, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Recording job failed: {}", e.toString(), e);
            retry(current, FailureReason.UNEXPECTED, e.toString());
        }
    }

    private void retry(RecordingJob job, FailureReason reason, String error) {
        jobs.attemptFailed(job, reason, error, config.pipeline().firstBackoff(), config.pipeline().maxAttempts(),
                clock.instant());
    }

    private static CallDocument document(RecordingJob job, Transcript transcript, List<RecordingPause> pauses) {
        List<CallDocument.Pause> spans = pauses.stream().map(p -> new CallDocument.Pause(p.from().toString(),
                p.to().toString(), p.fromSecond(), p.toSecond(), p.pausedBy(), p.pausedVia().name(), p.resumedBy(),
                p.resumedVia().name())).toList();
        double paused = pauses.stream().mapToDouble(p -> p.toSecond() - p.fromSecond()).sum();
        return new CallDocument(job.callId(), job.startedAt().toString(), job.endedAt().toString(),
                Duration.between(job.startedAt(), job.endedAt()).toSeconds(), job.outcome(), job.lastNode(),
                job.menuChoice(), job.queue(), job.agent(),
                job.recordingName() == null && job.ivrRecordingName() == null ? null : job.callId(),
                null, transcript.text()).withPauses(spans, Math.round(paused * 1000) / 1000.0);
    }

    @Override
    public void start() {
        intake.cleanWorkDir();
        reclaimOwnLeases();
        workers = Executors.newFixedThreadPool(config.pipeline().workerCount(),
                Thread.ofPlatform().name("recording-worker-", 0).factory());
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("recording-poller").factory());
        long every = config.pipeline().pollInterval().toMillis();
        poller.scheduleWithFixedDelay(() -> safely(this::drain, "poll recording jobs"), 0, every,
                TimeUnit.MILLISECONDS);
        long renewal = config.pipeline().leaseRenewal().toMillis();
        poller.scheduleWithFixedDelay(() -> safely(this::renewLeases, "renew the leases of running jobs"), renewal,
                renewal, TimeUnit.MILLISECONDS);
    }

    private static void safely(Runnable task, String what) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Could not {}: {}", what, e.toString());
        }
    }

    @Override
    public void stop() {
        poller.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null && !poller.isShutdown();
    }
}
