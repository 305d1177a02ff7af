package org.callcentre.recording.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.callcentre.recording.transcription.Speaker;
import org.callcentre.recording.transcription.Wavs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioRedactionTest {

    @TempDir
    Path dir;

    @Test
    void theMaskedStretchIsSilencedWithAMarginAndTheRestKept() throws Exception {
        short[] tone = new short[16000 * 3];
        Arrays.fill(tone, (short) 1000);
        Path wav = Wavs.write(dir.resolve("a.wav"), 16000, 1, tone);

        byte[] out = AudioRedaction.silenced(wav, List.of(new Redaction.Masked(Speaker.CUSTOMER, 1.0, 2.0, "card", 4)));

        short[] samples = new short[tone.length];
        ByteBuffer.wrap(out, 44, out.length - 44).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        assertThat(samples[(int) (0.85 * 16000)]).isEqualTo((short) 1000);
        assertThat(samples[(int) (0.95 * 16000)]).isZero();
        assertThat(samples[(int) (1.5 * 16000)]).isZero();
        assertThat(samples[(int) (2.05 * 16000)]).isZero();
        assertThat(samples[(int) (2.2 * 16000)]).isEqualTo((short) 1000);
        assertThat(Arrays.copyOf(out, 44)).isEqualTo(Arrays.copyOf(Files.readAllBytes(wav), 44));
    }
}
