package org.callcentre.recording.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.callcentre.ivr.CallEnded;
import org.callcentre.ivr.CallOutcome;
import org.callcentre.ivr.RecordingPause;
import org.callcentre.ivr.RecordingPause.Via;
import org.callcentre.recording.index.CallDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingPausesInIndexTest {

    private static final Instant ENDED = Instant.parse("2026-01-05T10:02:00Z");

    @TempDir
    Path dir;

    @Test
    void theCallsPausesTravelFromItsCallEndedEventToItsIndexDocument() throws Exception {
        PipelineHarness pipeline = new PipelineHarness(dir.resolve("spool"), dir, null, 3);
        RecordingPause pause = new RecordingPause(ENDED.minusSeconds(50), ENDED.minusSeconds(38), 10.0, 22.0,
                "agent1", Via.API, null, Via.CALL_END);
        pipeline.jobs.enqueue(call("paused", List.of(pause)), ENDED, ENDED);
        pipeline.jobs.enqueue(call("never-paused", List.of()), ENDED, ENDED);

        for (RecordingJob job : pipeline.claim(ENDED)) {
            pipeline.worker.run(job);
        }

        CallDocument paused = document(pipeline, "paused");
        assertThat(paused.recordingPauses()).containsExactly(new CallDocument.Pause("2026-01-05T10:01:10Z",
                "2026-01-05T10:01:22Z", 10.0, 22.0, "agent1", "API", null, "CALL_END"));
        assertThat(paused.recordingPausedSeconds()).isEqualTo(12.0);
        CallDocument neverPaused = document(pipeline, "never-paused");
        assertThat(neverPaused.recordingPauses()).isEmpty();
        assertThat(neverPaused.recordingPausedSeconds()).isZero();
    }

    /** A call without a recording file to decode: the pipeline goes straight to indexing. */
    private static CallEnded call(String callId, List<RecordingPause> pauses) {
        return new CallEnded(callId, ENDED.minusSeconds(60), ENDED, CallOutcome.ANSWERED, "queue", "0000", null,
                "support", "agent1", null, pauses, null);
    }

    private static CallDocument document(PipelineHarness pipeline, String callId) {
        return pipeline.index.indexed.stream().map(c -> c.call()).filter(c -> c.callId().equals(callId))
                .findFirst().orElseThrow();
    }
}
