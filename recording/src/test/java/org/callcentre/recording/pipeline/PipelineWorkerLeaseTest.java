package org.callcentre.recording.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.callcentre.recording.TestDatabase;
import org.callcentre.recording.capture.CallRecording;
import org.callcentre.recording.pipeline.PipelineMetrics.Outcome;
import org.callcentre.recording.transcription.SpeechToText;
import org.callcentre.recording.transcription.Transcript;
import org.callcentre.recording.transcription.Utterance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worker's side of the leases, two server instances on one database: a job being decoded
 * keeps its lease past any number of lease terms, so the other instance never runs it too; and a
 * server restarted after dying mid-job runs that job again at once, not a lease term later.
 */
class PipelineWorkerLeaseTest {

    private static final InstanceId OTHER = new InstanceId("host-b:4573");

    @TempDir
    Path spool;

    @TempDir
    Path storage;

    private final JdbcClient db = TestDatabase.create();

    @Test
    void aJobBeingDecodedKeepsItsLeaseSoAnotherInstanceNeverTakesItOver() throws Exception {
        CountDownLatch decoding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        SpeechToText slow = (file, speaker) -> {
            decoding.countDown();
            try {
                assertThat(finish.await(60, TimeUnit.SECONDS)).as("released by the test").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Transcript(List.of(new Utterance(speaker, 1.0, 2.0, "still here", List.of())));
        };
        Duration lease = Duration.ofSeconds(1);
        PipelineHarness pipeline = harness(slow, lease, Duration.ofMillis(200), PipelineHarness.INSTANCE);
        String callId = pipeline.call(pipeline.spooled(CallRecording.named("long.wav16")).mixed());

        pipeline.worker.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> decoding.getCount() == 0);
            // three lease terms into the decoding, the other instance keeps trying to claim the job
            List<RecordingJob> takenOver = new CopyOnWriteArrayList<>();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(100))
                    .failFast("the other instance took the job over", () -> !takenOver.isEmpty())
                    .until(() -> takenOver.addAll(pipeline.jobs.claimDue(Instant.now(), 10, lease, 3, OTHER))
                            || takenOver.isEmpty());
            finish.countDown();
            await().atMost(Duration.ofSeconds(20)).until(() -> pipeline.state(callId).equals("DONE"));
        } finally {
            finish.countDown();
            pipeline.worker.stop();
        }
        assertThat(pipeline.index.indexed).as("indexed once, by its one worker").hasSize(1);
        assertThat(pipeline.failures(FailureReason.LEASE_EXPIRED, Outcome.RETRY)).isZero();
    }

    @Test
    void aServerRestartedAfterDyingMidJobRunsItAgainAtOnceAndLeavesOtherInstancesJobsAlone() throws Exception {
        SpeechToText speech = (file, speaker) -> new Transcript(List.of(new Utterance(speaker, 1.0, 2.0, "hello",
                List.of())));
        PipelineHarness killed = harness(speech, Duration.ofMinutes(1), Duration.ofSeconds(20),
                PipelineHarness.INSTANCE);
        String ours = killed.call(killed.spooled(CallRecording.named("ours.wav16")).mixed());
        assertThat(killed.jobs.claimDue(Instant.now(), 10, Duration.ofHours(1), 3, PipelineHarness.INSTANCE))
                .as("claimed by the run that dies: its lease would hold for an hour").hasSize(1);
        String theirs = killed.call(killed.spooled(CallRecording.named("theirs.wav16")).mixed());
        assertThat(killed.jobs.claimDue(Instant.now(), 10, Duration.ofHours(1), 3, OTHER)).hasSize(1);

        PipelineHarness restarted = harness(speech, Duration.ofMinutes(1), Duration.ofSeconds(20),
                PipelineHarness.INSTANCE);
        restarted.worker.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> restarted.state(ours).equals("DONE"));
        } finally {
            restarted.worker.stop();
        }
        assertThat(restarted.index.indexed).extracting(c -> c.call().callId()).containsExactly(ours);
        assertThat(restarted.state(theirs)).isEqualTo("TRANSCRIBE");
        assertThat(restarted.jobs.claimOf(theirs).orElseThrow().holder()).isEqualTo(OTHER);
        assertThat(restarted.failures(FailureReason.SERVER_STOPPED, Outcome.RETRY)).isEqualTo(1);
    }

    private PipelineHarness harness(SpeechToText speech, Duration lease, Duration renewal, InstanceId instance)
            throws Exception {
        return new PipelineHarness(db, spool, storage, PipelineHarness.localStore(storage), speech, 3, lease, renewal,
                instance);
    }
}
