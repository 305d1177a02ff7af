package org.callcentre.recording.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavAudioTest {

    @TempDir
    Path dir;

    @Test
    void sixteenKilohertzMonoIsAccepted() throws Exception {
        WavAudio audio = WavAudio.read(Wavs.silence(dir.resolve("ok.wav"), 16000, 1.5)).requireFormat(16000);

        assertThat(audio.seconds()).isEqualTo(1.5);
        assertThat(audio.dataOffset()).isEqualTo(44);
    }

    @Test
    void telephoneBandAudioIsRefusedNamingBothRates() throws Exception {
        Path file = Wavs.silence(dir.resolve("8k.wav"), 8000, 1);

        assertThatThrownBy(() -> WavAudio.read(file).requireFormat(16000))
                .isInstanceOf(UnusableRecording.class)
                .hasMessage("sample rate is 8000 Hz; the model needs 16000 Hz");
    }

    @Test
    void emptyFileIsRefused() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.wav"));

        assertThatThrownBy(() -> WavAudio.read(file)).hasMessage("recording is empty (0 bytes)");
    }

    @Test
    void headerWithoutSamplesIsRefused() throws Exception {
        Path file = Wavs.write(dir.resolve("header-only.wav"), 16000, 1, new short[0]);

        assertThatThrownBy(() -> WavAudio.read(file).requireFormat(16000))
                .hasMessage("recording has no audio samples");
    }

    @Test
    void corruptFileIsRefusedAsNotWav() throws Exception {
        Path file = Files.writeString(dir.resolve("junk.wav"), "this is not audio at all, just text");

        assertThatThrownBy(() -> WavAudio.read(file)).hasMessage("not a WAV file (no RIFF/WAVE header)");
    }

    @Test
    void stereoIsRefused() throws Exception {
        Path file = Wavs.write(dir.resolve("stereo.wav"), 16000, 2, new short[3200]);

        assertThatThrownBy(() -> WavAudio.read(file).requireFormat(16000))
                .hasMessageContaining("2 channel(s)");
    }
}
