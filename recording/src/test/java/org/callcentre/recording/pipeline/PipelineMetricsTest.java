package org.callcentre.recording.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callcentre.ivr.CallDispositioned;
import org.callcentre.recording.capture.CallRecording;
import org.callcentre.recording.pipeline.PipelineMetrics.Outcome;
import org.callcentre.recording.transcription.Transcript;
import org.callcentre.recording.transcription.Utterance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's meters: the backlog per stage, the time from hang-up to searchable (once per
 * call), the decoder's seconds per second of audio, and failures by a reason from a fixed set.
 */
class PipelineMetricsTest {

    @TempDir
    Path dir;

    @Test
    void theBacklogCountsTheJobsWaitingAtEachStage() throws Exception {
        PipelineHarness pipeline = new PipelineHarness(dir.resolve("spool"), dir, null, 3);
        pipeline.abandonedInQueue(null);
        pipeline.abandonedInQueue(null);
        String indexing = pipeline.abandonedInQueue(null);
        pipeline.jobs.transcribed(pipeline.claim(Instant.now()).stream().filter(j -> j.callId().equals(indexing))
                .findFirst().orElseThrow(), "[]", List.of(), Instant.now());

        assertThat(backlog(pipeline, "transcribe")).isEqualTo(2);
        assertThat(backlog(pipeline, "index")).isEqualTo(1);
    }

    @Test
    void aCallIsTimedFromItsHangUpUntilItIsFirstSearchableAndNotAgainWhenAWrapUpIndexesItAgain() throws Exception {
        PipelineHarness pipeline = new PipelineHarness(dir.resolve("spool"), dir, null, 3);
        String callId = pipeline.call(null, "support", Instant.now().minusSeconds(30));
        pipeline.claim(Instant.now()).forEach(pipeline.worker::run);
        pipeline.jobs.dispositioned(new CallDispositioned(callId, "agent1", "returns", true, false, Instant.now()),
                Instant.now());
        pipeline.claim(Instant.now()).forEach(pipeline.worker::run);

        assertThat(pipeline.index.indexed).hasSize(2);
        Timer searchable = pipeline.meters.get(PipelineMetrics.SEARCHABLE).timer();
        assertThat(searchable.count()).isEqualTo(1);
        assertThat(searchable.totalTime(TimeUnit.SECONDS)).isBetween(30.0, 60.0);
    }

    @Test
    void decodingIsMeasuredInSecondsPerSecondOfTheCallsAudio() throws Exception {
        PipelineHarness pipeline = new PipelineHarness(dir.resolve("spool"), dir, (file, speaker) -> {
            long until = System.nanoTime() + Duration.ofMillis(100).toNanos(); // a decoder at work, not a wait
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return new Transcript(List.of(new Utterance(speaker, 1.0, 2.0, "hello", List.of())));
        }, 3);
        String callId = pipeline.call(pipeline.spooled(CallRecording.named("two-seconds.wav16")).mixed());
        pipeline.claim(Instant.now()).forEach(pipeline.worker::run);

        assertThat(pipeline.state(callId)).isEqualTo("DONE");
        DistributionSummary decode = pipeline.meters.get(PipelineMetrics.DECODE).summary();
        assertThat(decode.count()).as("one sample per call").isEqualTo(1);
        assertThat(decode.mean()).as("two directions of 100 ms over a 2 s call, and some overhead")
                .isBetween(0.1, 5.0);
    }

    @Test
    void failuresAreCountedByReasonAndWhatFollowed() throws Exception {
        Path spool = dir.resolve("spool");
        PipelineHarness pipeline = new PipelineHarness(spool, dir, null, 2);
        CallRecording empty = CallRecording.named("empty.wav16");
        Files.createDirectories(spool);
        for (String file : empty.filesByPart().values()) {
            Files.createFile(spool.resolve(file));
        }
        pipeline.call(empty.mixed());
        String missing = pipeline.call("never-written.wav16");

        pipeline.claim(Instant.now()).forEach(pipeline.worker::run);
        pipeline.claim(Instant.now().plusSeconds(60)).forEach(pipeline.worker::run);

        assertThat(pipeline.failures(FailureReason.UNUSABLE_RECORDING, Outcome.FAILED)).isEqualTo(1);
        assertThat(pipeline.failures(FailureReason.RECORDING_NOT_READY, Outcome.RETRY)).isEqualTo(1);
        assertThat(pipeline.failures(FailureReason.RECORDING_NOT_READY, Outcome.FAILED)).isEqualTo(1);
        assertThat(pipeline.state(missing)).isEqualTo("FAILED");
        assertThat(pipeline.meters.find(PipelineMetrics.FAILURES).counters()).allSatisfy(c -> {
            assertThat(c.getId().getTag("reason")).isIn(java.util.Arrays.stream(FailureReason.values())
                    .map(FailureReason::tag).toList());
            assertThat(c.getId().getTag("stage")).isEqualTo("transcribe");
        });
    }

    private static double backlog(PipelineHarness pipeline, String stage) {
        return pipeline.meters.get(PipelineMetrics.BACKLOG).tag("stage", stage).gauge().value();
    }
}
