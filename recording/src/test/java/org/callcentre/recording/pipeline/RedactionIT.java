package org.callcentre.recording.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.callcentre.recording.capture.CallRecording;
import org.callcentre.recording.storage.StoredPart;
import org.callcentre.recording.transcription.SharedVosk;
import org.callcentre.recording.transcription.SpeechToTextContract;
import org.callcentre.recording.transcription.WavAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer reads out a card number (espeak-ng, real Vosk): the stored and indexed transcript
 * has it masked, the redaction log says where, and the redacted audio copy is silent there.
 */
class RedactionIT {

    @TempDir
    Path spool;

    @TempDir
    Path storage;

    @Test
    void aSpokenCardNumberIsMaskedInTheTranscriptAndSilencedInTheRedactedCopy() throws Exception {
        PipelineHarness pipeline = new PipelineHarness(spool, storage, SharedVosk.get(), 3);
        CallRecording r = CallRecording.named("card.wav16");
        Files.copy(SpeechToTextContract.spoken(Files.createDirectories(spool.resolve("c")),
                "my card number is four one one one one one one one one one one one one one one one"),
                spool.resolve(r.customer()));
        Files.copy(SpeechToTextContract.spoken(Files.createDirectories(spool.resolve("a")),
                "thank you, one moment please"), spool.resolve(r.heard()));
        String callId = pipeline.call(r.mixed());

        pipeline.worker.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.state(callId).equals("DONE"));
        } finally {
            pipeline.worker.stop();
        }

        String indexed = pipeline.index.of(callId).call().transcriptText();
        assertThat(indexed).contains("[card-number]").doesNotContain("one one one");
        assertThat(pipeline.jobs.transcript(callId).orElseThrow()).doesNotContain("one one one");
        record Logged(String speaker, double start, double end, String kind) {
        }
        Logged logged = pipeline.jdbc.sql("select speaker, start_seconds, end_seconds, kind from redaction_log "
                + "where call_id = ?").param(callId).query((rs, n) -> new Logged(rs.getString(1), rs.getDouble(2),
                rs.getDouble(3), rs.getString(4))).single();
        assertThat(logged.speaker()).isEqualTo("CUSTOMER");
        assertThat(logged.kind()).isEqualTo("card-number");
        byte[] redacted = pipeline.store.read(new StoredPart(callId, "customer-redacted"));
        byte[] original = pipeline.store.read(new StoredPart(callId, "customer"));
        assertThat(peak(redacted, logged.start(), logged.end())).isZero();
        assertThat(peak(original, logged.start(), logged.end())).isGreaterThan(1000);
    }

    private int peak(byte[] wav, double from, double to) throws Exception {
        short[] samples = WavAudio.read(Files.write(Files.createTempFile(storage, "peak", ".wav"), wav)).pcm();
        int peak = 0;
        for (int i = (int) (from * 16000); i < Math.min(samples.length, (int) (to * 16000)); i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }
}
