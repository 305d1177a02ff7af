package org.callcentre.recording.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.callcentre.recording.pipeline.PipelineMetrics.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of a job's lease, between two server instances on one database: a claim records its
 * holder and since when and counts an attempt; a live (renewed) lease is never claimed by
 * another; one that runs out is taken over; a restarted instance releases at once what its
 * previous run held, and nothing else; a worker whose lease was taken over writes nothing.
 */
class RecordingJobLeasesTest {

    private static final InstanceId OTHER = new InstanceId("host-b:4573");
    private static final Duration LEASE = Duration.ofMinutes(1);

    @TempDir
    Path dir;
    private PipelineHarness pipeline;
    private RecordingJobs jobs;
    /** The first claim's time: after the harness's jobs are due, with more precision than the database keeps. */
    private Instant t0;

    @BeforeEach
    void pipeline() throws Exception {
        pipeline = new PipelineHarness(dir.resolve("spool"), dir, null, 3);
        jobs = pipeline.jobs;
        t0 = Instant.now().plusSeconds(60).with(java.time.temporal.ChronoField.NANO_OF_SECOND, 123_456_789);
    }

    @Test
    void aClaimRecordsItsHolderSinceWhenAndUntilWhenAndCountsAnAttempt() {
        String callId = pipeline.abandonedInQueue(null);

        List<RecordingJob> claimed = claim(t0, PipelineHarness.INSTANCE);

        assertThat(claimed).singleElement().satisfies(job -> {
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.claim()).isEqualTo(new Claim(PipelineHarness.INSTANCE, t0.truncatedTo(ChronoUnit.MILLIS)));
        });
        assertThat(jobs.inState(Stage.TRANSCRIBE, 10)).singleElement().satisfies(view -> {
            assertThat(view.callId()).isEqualTo(callId);
            assertThat(view.attempts()).isEqualTo(1);
            assertThat(view.leaseHolder()).isEqualTo("host-a:4573");
            assertThat(view.leaseTakenAt()).isEqualTo(t0.truncatedTo(ChronoUnit.MILLIS));
            assertThat(view.leaseUntil()).isCloseTo(t0.plus(LEASE), within());
        });
    }

    @Test
    void aLiveLeaseIsNotClaimedByAnotherInstanceAndOneThatRanOutIsTakenOver() {
        pipeline.abandonedInQueue(null);
        claim(t0, PipelineHarness.INSTANCE);

        assertThat(claim(t0.plus(LEASE).minusSeconds(1), OTHER)).isEmpty();
        List<RecordingJob> takenOver = claim(t0.plus(LEASE).plusSeconds(1), OTHER);

        assertThat(takenOver).singleElement().satisfies(job -> {
            assertThat(job.attempts()).as("the dead holder's attempt counts").isEqualTo(2);
            assertThat(job.claim().holder()).isEqualTo(OTHER);
        });
        assertThat(pipeline.failures(FailureReason.LEASE_EXPIRED, Outcome.RETRY)).isEqualTo(1);
    }

    @Test
    void aRenewedLeaseOutlivesItsFirstTerm() {
        pipeline.abandonedInQueue(null);
        RecordingJob job = claim(t0, PipelineHarness.INSTANCE).getFirst();

        assertThat(jobs.renew(job, t0.plusSeconds(20).plus(LEASE))).isTrue();

        assertThat(claim(t0.plus(LEASE).plusSeconds(1), OTHER)).as("renewed 40 s ago").isEmpty();
        assertThat(claim(t0.plusSeconds(21).plus(LEASE), OTHER)).as("not renewed since").hasSize(1);
    }

    @Test
    void aWorkerWhoseLeaseWasTakenOverCanNeitherRenewItNorWriteItsResult() {
        String callId = pipeline.abandonedInQueue(null);
        RecordingJob stale = claim(t0, PipelineHarness.INSTANCE).getFirst();
        RecordingJob current = claim(t0.plus(LEASE).plusSeconds(1), OTHER).getFirst();

        assertThat(jobs.renew(stale, t0.plus(LEASE).plusSeconds(5))).isFalse();
        assertThatThrownBy(() -> jobs.transcribed(stale, "[]", List.of(), t0.plus(LEASE).plusSeconds(6)))
                .isInstanceOf(LeaseLost.class);
        assertThatThrownBy(() -> jobs.indexed(stale, 0, t0.plus(LEASE).plusSeconds(7))).isInstanceOf(LeaseLost.class);
        assertThatThrownBy(() -> jobs.attemptFailed(stale, FailureReason.UNEXPECTED, "boom", Duration.ofSeconds(2), 3,
                t0.plus(LEASE).plusSeconds(8))).isInstanceOf(LeaseLost.class);
        assertThatThrownBy(() -> jobs.failed(stale, FailureReason.UNUSABLE_RECORDING, "bad", t0.plus(LEASE)
                .plusSeconds(9))).isInstanceOf(LeaseLost.class);

        assertThat(jobs.transcript(callId)).as("the stale transcript is not stored").isEmpty();
        assertThat(jobs.status(callId).orElseThrow()).isEqualTo(new RecordingJobs.JobStatus("TRANSCRIBE", 2, null));
        assertThat(jobs.claimOf(callId)).contains(current.claim());
        assertThat(jobs.renew(current, t0.plus(LEASE).plusSeconds(10).plus(LEASE))).isTrue();
        assertThat(pipeline.failures(FailureReason.LEASE_LOST, Outcome.ABANDONED)).isEqualTo(4);
    }

    @Test
    void aRestartedInstanceReleasesAtOnceTheLeasesItsPreviousRunHeldAndNoOther() {
        String ours = pipeline.abandonedInQueue(null);
        claim(t0, PipelineHarness.INSTANCE);
        String theirs = pipeline.abandonedInQueue(null);
        claim(t0, OTHER);

        List<RecordingJob> released = jobs.reclaim(PipelineHarness.INSTANCE, t0.plusSeconds(30));

        assertThat(released).extracting(RecordingJob::callId).containsExactly(ours);
        assertThat(jobs.inState(Stage.TRANSCRIBE, 10)).filteredOn(v -> v.callId().equals(ours)).singleElement()
                .satisfies(v -> {
                    assertThat(v.leaseHolder()).isNull();
                    assertThat(v.lastError()).isEqualTo("server instance host-a:4573 stopped during attempt 1");
                });
        List<RecordingJob> again = claim(t0.plusSeconds(31), PipelineHarness.INSTANCE);
        assertThat(again).as("runs again at once; the other instance's live lease is left alone")
                .extracting(RecordingJob::callId).containsExactly(ours);
        assertThat(again.getFirst().attempts()).as("the attempt the dead run made stays counted").isEqualTo(2);
        assertThat(jobs.claimOf(theirs).orElseThrow().holder()).isEqualTo(OTHER);
        assertThat(pipeline.failures(FailureReason.SERVER_STOPPED, Outcome.RETRY)).isEqualTo(1);
    }

    @Test
    void attemptsThatNeverFinishUseUpTheJobsAttemptsAsBefore() {
        String callId = pipeline.abandonedInQueue(null);
        Instant now = t0;
        for (int attempt = 1; attempt <= 3; attempt++) {   // the harness allows 3
            assertThat(claim(now, PipelineHarness.INSTANCE)).hasSize(1);
            jobs.reclaim(PipelineHarness.INSTANCE, now.plusSeconds(1)); // killed, restarted
            now = now.plusSeconds(2);
        }

        assertThat(claim(now, PipelineHarness.INSTANCE)).isEmpty();

        assertThat(jobs.status(callId).orElseThrow()).satisfies(s -> {
            assertThat(s.stage()).isEqualTo("FAILED");
            assertThat(s.lastError()).isEqualTo("gave up after 3 attempts that never finished (last: server instance "
                    + "host-a:4573 stopped during attempt 3)");
        });
        assertThat(pipeline.failures(FailureReason.ATTEMPTS_UNFINISHED, Outcome.FAILED)).isEqualTo(1);
    }

    @Test
    void aFinishedJobHoldsNoLeaseAndIsNotClaimedAgain() {
        String callId = pipeline.abandonedInQueue(null);
        RecordingJob first = claim(t0, PipelineHarness.INSTANCE).getFirst();
        jobs.indexed(first, 0, t0.plusSeconds(1));

        assertThat(claim(t0.plusSeconds(2), OTHER)).as("done: nothing to claim").isEmpty();
        assertThat(jobs.status(callId).orElseThrow().stage()).isEqualTo("DONE");
        assertThat(jobs.claimOf(callId)).isEmpty();
    }

    private List<RecordingJob> claim(Instant now, InstanceId holder) {
        return jobs.claimDue(now, 10, LEASE, 3, holder);
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return org.assertj.core.api.Assertions.within(1, ChronoUnit.MILLIS);
    }
}
