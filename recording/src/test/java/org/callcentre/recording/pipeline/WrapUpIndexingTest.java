package org.callcentre.recording.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.callcentre.ivr.CallDispositioned;
import org.callcentre.recording.index.CallDocument;
import org.callcentre.recording.index.IndexedCall;
import org.callcentre.recording.transcription.SpeechToText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's wrap-up reaches the call's index entry whenever it comes: before the call is
 * indexed, after it, or while it is being indexed.
 */
class WrapUpIndexingTest {

    @TempDir
    Path dir;
    private PipelineHarness pipeline;

    @BeforeEach
    void pipeline() throws Exception {
        SpeechToText unused = (audio, speaker) -> {
            throw new AssertionError("calls nobody answered are not decoded");
        };
        pipeline = new PipelineHarness(dir.resolve("spool"), dir, unused, 3);
    }

    @Test
    void aWrapUpStoredBeforeIndexingIsIndexedWithTheCall() {
        String callId = pipeline.abandonedInQueue(null);
        pipeline.jobs.dispositioned(wrapUp(callId, "returns", false, true), Instant.now());

        runDueJobs();

        assertThat(lastIndexed(callId)).satisfies(d -> {
            assertThat(d.businessType()).isEqualTo("returns");
            assertThat(d.resolved()).isFalse();
            assertThat(d.followUp()).isTrue();
        });
        assertThat(pipeline.state(callId)).isEqualTo("DONE");
    }

    @Test
    void aWrapUpOfAnIndexedCallIndexesItAgainWithTheWrapUp() {
        String callId = pipeline.abandonedInQueue(null);
        runDueJobs();
        assertThat(lastIndexed(callId).businessType()).isNull();

        pipeline.jobs.dispositioned(wrapUp(callId, "complaint-logistics", true, false), Instant.now());
        assertThat(pipeline.state(callId)).isEqualTo("INDEX");
        runDueJobs();

        assertThat(lastIndexed(callId).businessType()).isEqualTo("complaint-logistics");
        assertThat(lastIndexed(callId).resolved()).isTrue();
        assertThat(pipeline.state(callId)).isEqualTo("DONE");
    }

    @Test
    void aCorrectedWrapUpReplacesTheFirst() {
        String callId = pipeline.abandonedInQueue(null);
        pipeline.jobs.dispositioned(wrapUp(callId, "pre-sale", false, false), Instant.now());
        pipeline.jobs.dispositioned(wrapUp(callId, "order-status", true, false), Instant.now());

        runDueJobs();

        assertThat(lastIndexed(callId).businessType()).isEqualTo("order-status");
    }

    @Test
    void aWrapUpThatLandsWhileTheCallIsBeingIndexedIsIndexedNext() {
        String callId = pipeline.abandonedInQueue(null);
        List<RecordingJob> claimed = claim();
        assertThat(claimed).hasSize(1);

        // the worker has read "no wrap-up" and is indexing when the agent's wrap-up is stored
        pipeline.jobs.dispositioned(wrapUp(callId, "returns", true, false), Instant.now());
        pipeline.jobs.indexed(claimed.get(0), 0, Instant.now());

        assertThat(pipeline.state(callId)).isEqualTo("INDEX");
        runDueJobs();
        assertThat(lastIndexed(callId).businessType()).isEqualTo("returns");
        assertThat(pipeline.state(callId)).isEqualTo("DONE");
    }

    private void runDueJobs() {
        claim().forEach(pipeline.worker::run);
    }

    private List<RecordingJob> claim() {
        return pipeline.claim(Instant.now().plusSeconds(1));
    }

    private CallDocument lastIndexed(String callId) {
        return pipeline.index.indexed.stream().map(IndexedCall::call).filter(c -> c.callId().equals(callId))
                .reduce((first, second) -> second).orElseThrow();
    }

    private static CallDispositioned wrapUp(String callId, String type, boolean resolved, boolean followUp) {
        return new CallDispositioned(callId, "agent1", type, resolved, followUp, Instant.now());
    }
}
