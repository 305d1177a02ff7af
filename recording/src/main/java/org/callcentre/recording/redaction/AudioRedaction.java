package org.callcentre.recording.redaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.callcentre.recording.transcription.WavAudio;

/**
 * The redacted audio copy: the same WAV with the masked stretches (plus a small margin, word
 * timings being 30 ms coarse) replaced by digital silence.
 */
public final class AudioRedaction {

    static final double MARGIN_SECONDS = 0.1;

    private AudioRedaction() {
    }

    /** The bytes of {@code wav} (16-bit PCM) with every masked stretch silenced. */
    public static byte[] silenced(Path wav, List<Redaction.Masked> masked) {
        WavAudio audio = WavAudio.read(wav);
        try {
            byte[] bytes = Files.readAllBytes(wav);
            int frame = audio.channels() * audio.bitsPerSample() / 8;
            long dataEnd = audio.dataOffset() + audio.dataLength();
            for (Redaction.Masked m : masked) {
                long from = audio.dataOffset() + frame * (long) Math.max(0, (m.start() - MARGIN_SECONDS)
                        * audio.sampleRate());
                long to = audio.dataOffset() + frame * (long) Math.ceil((m.end() + MARGIN_SECONDS) * audio.sampleRate());
                for (long i = from; i < Math.min(to, dataEnd); i++) {
                    bytes[(int) i] = 0;
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
