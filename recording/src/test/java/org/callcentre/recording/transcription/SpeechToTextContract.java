package org.callcentre.recording.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link SpeechToText} adapter must do. An adapter's test implements this interface
 * and supplies the adapter; the audio is real speech made by espeak-ng.
 */
public interface SpeechToTextContract {

    SpeechToText speechToText();

    @Test
    default void transcribesSpokenWordsWithTimesAndConfidences(@TempDir Path dir) throws Exception {
        Path wav = spoken(dir, "I want to return my order, the parcel arrived damaged");

        Transcript t = speechToText().transcribe(wav, Speaker.CUSTOMER);

        assertThat(t.text()).contains("return", "order", "parcel");
        Utterance first = t.utterances().getFirst();
        assertThat(first.speaker()).isEqualTo(Speaker.CUSTOMER);
        assertThat(first.words()).isNotEmpty().allSatisfy(w -> {
            assertThat(w.end()).isGreaterThanOrEqualTo(w.start());
            assertThat(w.confidence()).isBetween(0.0, 1.0);
        });
    }

    @Test
    default void silenceGivesAnEmptyTranscript(@TempDir Path dir) throws Exception {
        Path wav = Wavs.silence(dir.resolve("silence.wav"), 16000, 2);

        assertThat(speechToText().transcribe(wav, Speaker.AGENT).utterances()).isEmpty();
    }

    @Test
    default void telephoneBandRecordingIsRefusedRatherThanSilentlyMisread(@TempDir Path dir) throws Exception {
        Path wav = Wavs.silence(dir.resolve("8k.wav"), 8000, 1);

        assertThatThrownBy(() -> speechToText().transcribe(wav, Speaker.CUSTOMER))
                .isInstanceOf(UnusableRecording.class).hasMessageContaining("8000 Hz");
    }

    /** espeak-ng speech at 16 kHz mono; fails, naming the tool, when espeak-ng or sox is missing. */
    static Path spoken(Path dir, String sentence) throws IOException, InterruptedException {
        Path raw = dir.resolve("raw.wav");
        Path out = dir.resolve("speech.wav");
        run(List.of("espeak-ng", "-v", "en-us", "-w", raw.toString(), sentence));
        run(List.of("sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", out.toString()));
        return out;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command.getFirst() + " is missing: run deploy/stack/stack.sh provision", e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(command + ": " + out).isTrue();
        assertThat(Files.exists(Path.of(command.getLast())) || command.getFirst().equals("espeak-ng")).isTrue();
    }
}
