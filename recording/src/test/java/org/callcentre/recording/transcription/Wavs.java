package org.callcentre.recording.transcription;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small PCM WAV files for tests. */
public final class Wavs {
    private Wavs() {
    }

    public static Path write(Path file, int rate, int channels, short[] samples) throws IOException {
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + dataBytes).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.putInt(0x61746164).putInt(dataBytes);
        for (short s : samples) {
            b.putShort(s);
        }
        return Files.write(file, b.array());
    }

    public static Path silence(Path file, int rate, double seconds) throws IOException {
        return write(file, rate, 1, new short[(int) (rate * seconds)]);
    }
}
