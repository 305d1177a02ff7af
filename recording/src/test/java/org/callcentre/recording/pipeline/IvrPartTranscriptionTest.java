package org.callcentre.recording.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callcentre.ivr.CallOutcome;
import org.callcentre.recording.capture.CallRecording;
import org.callcentre.recording.storage.StoredPart;
import org.callcentre.recording.transcription.Speaker;
import org.callcentre.recording.transcription.Transcript;
import org.callcentre.recording.transcription.Utterance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording of a call's IVR part (when the hotline records it): decoded for a call no agent
 * answered, with what the caller heard attributed to the IVR; stored but not decoded for an
 * answered call, whose conversation is what QA searches. The speech-to-text here names the
 * speaker of each file it is given, so the test sees which files were decoded as whom.
 */
class IvrPartTranscriptionTest {

    @TempDir
    Path spool;

    @TempDir
    Path storage;

    private final List<Speaker> decoded = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void aCallThatNeverReachedAnAgentIsTranscribedFromItsIvrPartAsCustomerAndIvr() throws Exception {
        PipelineHarness pipeline = pipeline();
        CallRecording ivrPart = pipeline.spooled(CallRecording.ivrPart("left-a-message-ivr.wav16"));

        String callId = pipeline.withIvrPart(null, ivrPart.mixed(), CallOutcome.VOICEMAIL);
        runUntilDone(pipeline, callId);

        assertThat(pipeline.index.of(callId).utterances()).extracting(Utterance::speaker, Utterance::text)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Speaker.CUSTOMER, "said by customer"),
                        org.assertj.core.groups.Tuple.tuple(Speaker.IVR, "said by ivr"));
        assertThat(pipeline.index.of(callId).call().recordingId()).as("the call has a recording").isEqualTo(callId);
        for (String part : List.of("ivr-mixed", "ivr-customer", "ivr-prompts")) {
            assertThat(pipeline.store.exists(new StoredPart(callId, part))).as(part).isTrue();
        }
        assertThat(spoolFiles()).as("every file left the spool").isEmpty();
    }

    @Test
    void anAbandonedQueueCallIsTranscribedFromItsIvrPartAndItsNeverBridgedConversationIsOnlyStored()
            throws Exception {
        PipelineHarness pipeline = pipeline();
        CallRecording ivrPart = pipeline.spooled(CallRecording.ivrPart("gave-up-ivr.wav16"));
        CallRecording conversation = pipeline.spooled(CallRecording.named("gave-up.wav16"));

        String callId = pipeline.withIvrPart(conversation.mixed(), ivrPart.mixed(), CallOutcome.ABANDONED_IN_QUEUE);
        runUntilDone(pipeline, callId);

        assertThat(decoded).containsExactlyInAnyOrder(Speaker.CUSTOMER, Speaker.IVR);
        assertThat(pipeline.store.exists(new StoredPart(callId, "customer"))).isTrue();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void anAnsweredCallIsTranscribedFromItsConversationAndItsIvrPartIsKeptUndecoded() throws Exception {
        PipelineHarness pipeline = pipeline();
        CallRecording ivrPart = pipeline.spooled(CallRecording.ivrPart("answered-ivr.wav16"));
        CallRecording conversation = pipeline.spooled(CallRecording.named("answered.wav16"));

        String callId = pipeline.withIvrPart(conversation.mixed(), ivrPart.mixed(), CallOutcome.ANSWERED);
        runUntilDone(pipeline, callId);

        assertThat(pipeline.index.of(callId).utterances()).extracting(Utterance::speaker)
                .containsExactlyInAnyOrder(Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(pipeline.store.exists(new StoredPart(callId, "ivr-customer"))).as("kept").isTrue();
        assertThat(spoolFiles()).isEmpty();
    }

    private PipelineHarness pipeline() throws Exception {
        return new PipelineHarness(spool, storage, (file, speaker) -> {
            decoded.add(speaker);
            String text = "said by " + speaker.name().toLowerCase(java.util.Locale.ROOT);
            return new Transcript(List.of(new Utterance(speaker, 0.5, 1.5, text, List.of())));
        }, 3);
    }

    private static void runUntilDone(PipelineHarness pipeline, String callId) {
        pipeline.worker.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> pipeline.state(callId).equals("DONE")
                    || pipeline.state(callId).equals("FAILED"));
        } finally {
            pipeline.worker.stop();
        }
        assertThat(pipeline.state(callId)).as(pipeline.reason(callId)).isEqualTo("DONE");
    }

    private List<Path> spoolFiles() throws Exception {
        try (var files = Files.list(spool)) {
            return files.toList();
        }
    }
}
