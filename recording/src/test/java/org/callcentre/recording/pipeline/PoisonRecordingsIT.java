package org.callcentre.recording.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.callcentre.recording.capture.CallRecording;
import org.callcentre.recording.storage.StoredPart;
import org.callcentre.recording.transcription.Speaker;
import org.callcentre.recording.transcription.SharedVosk;
import org.callcentre.recording.transcription.SpeechToTextContract;
import org.callcentre.recording.transcription.Utterance;
import org.callcentre.recording.transcription.Wavs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings that can never be transcribed end FAILED with their reason after bounded attempts,
 * while a good recording queued behind them is still transcribed and indexed; the empty files of
 * a call never answered are not a failure. Real Vosk.
 */
class PoisonRecordingsIT {

    @TempDir
    Path spool;

    @TempDir
    Path storage;

    @Test
    void poisonRecordingsFailWithTheirReasonWhileTheQueueKeepsFlowing() throws Exception {
        PipelineHarness pipeline = new PipelineHarness(spool, storage, SharedVosk.get(), 3);
        String empty = pipeline.call(both("empty", name -> Files.createFile(spool.resolve(name))));
        String corrupt = pipeline.call(both("corrupt", name -> Files.writeString(spool.resolve(name), "not audio")));
        String telephoneBand = pipeline.call(both("8k", name -> Wavs.silence(spool.resolve(name), 8000, 1)));
        String silent = pipeline.call(both("silent", name -> Wavs.silence(spool.resolve(name), 16000, 3)));
        String missing = pipeline.call("never-written.wav16");
        String good = pipeline.call(goodCall());
        String abandoned = pipeline.abandonedInQueue(both("abandoned",
                name -> Wavs.write(spool.resolve(name), 16000, 1, new short[0])));

        pipeline.worker.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.state(good).equals("DONE")
                    && pipeline.state(missing).equals("FAILED") && pipeline.state(abandoned).equals("DONE"));
        } finally {
            pipeline.worker.stop();
        }

        assertThat(pipeline.state(empty)).isEqualTo("FAILED");
        assertThat(pipeline.reason(empty)).isEqualTo("recording is empty (0 bytes)");
        assertThat(pipeline.reason(corrupt)).isEqualTo("not a WAV file (no RIFF/WAVE header)");
        assertThat(pipeline.reason(telephoneBand)).isEqualTo("sample rate is 8000 Hz; the model needs 16000 Hz");
        assertThat(pipeline.reason(silent)).isEqualTo("recording is silent: no sound above -50 dBFS in 3.0 s in either "
                + "direction");
        assertThat(pipeline.reason(missing)).startsWith("recording never-written.wav16 not found")
                .endsWith("(after 3 attempts)");
        assertThat(pipeline.jobs.inState(Stage.FAILED, 10)).hasSize(5);
        assertThat(pipeline.index.of(abandoned).utterances()).as("never bridged: nothing to decode").isEmpty();
        assertThat(pipeline.index.of(good).utterances()).extracting(Utterance::speaker)
                .contains(Speaker.CUSTOMER, Speaker.AGENT);
        assertThat(pipeline.store.exists(new StoredPart(good, "customer"))).as("kept, encrypted").isTrue();
        assertThat(spool.resolve("good-customer.wav16")).as("plaintext left the spool").doesNotExist();
    }

    /** A good two-direction call: the customer complains, the agent answers. */
    private String goodCall() throws Exception {
        CallRecording r = CallRecording.named("good.wav16");
        copy(SpeechToTextContract.spoken(Files.createDirectories(spool.resolve("c")),
                "the parcel arrived damaged"), r.customer());
        copy(SpeechToTextContract.spoken(Files.createDirectories(spool.resolve("a")),
                "thank you for calling how can I help"), r.heard());
        copy(spool.resolve(r.customer()), r.mixed());
        return r.mixed();
    }

    private void copy(Path from, String name) throws Exception {
        Files.copy(from, spool.resolve(name));
    }

    /** Writes the same poison into the mixed file and both directions. */
    private String both(String base, FileWriter writer) throws Exception {
        CallRecording r = CallRecording.named(base + ".wav16");
        for (String name : new String[] {r.mixed(), r.customer(), r.heard()}) {
            writer.write(name);
        }
        return r.mixed();
    }

    @FunctionalInterface
    private interface FileWriter {
        void write(String name) throws Exception;
    }
}
