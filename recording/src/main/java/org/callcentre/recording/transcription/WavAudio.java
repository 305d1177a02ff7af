package org.callcentre.recording.transcription;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The header of a RIFF/WAVE file: enough to check that a recording is 16-bit PCM mono at the
 * rate the model needs, and where its samples are. Vosk itself accepts any bytes and fails
 * silently on a wrong rate, so this check is ours.
 */
public record WavAudio(Path file, int sampleRate, int channels, int bitsPerSample, long dataOffset, long dataLength) {

    public static WavAudio read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                throw new UnusableRecording("recording is empty (0 bytes)");
            }
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 4096)).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            head.flip();
            if (head.remaining() < 12 || head.getInt(0) != 0x46464952 || head.getInt(8) != 0x45564157) {
                throw new UnusableRecording("not a WAV file (no RIFF/WAVE header)");
            }
            int pos = 12;
            int rate = -1;
            int channels = -1;
            int bits = -1;
            int format = -1;
            while (pos + 8 <= head.limit()) {
                int id = head.getInt(pos);
                long len = Integer.toUnsignedLong(head.getInt(pos + 4));
                if (id == 0x20746d66 && pos + 24 <= head.limit()) { // "fmt "
                    format = head.getShort(pos + 8);
                    channels = head.getShort(pos + 10);
                    rate = head.getInt(pos + 12);
                    bits = head.getShort(pos + 22);
                } else if (id == 0x61746164) { // "data"
                    if (format != 1) {
                        throw new UnusableRecording("WAV is not PCM (format " + format + ")");
                    }
                    long available = size - (pos + 8);
                    return new WavAudio(file, rate, channels, bits, pos + 8, Math.min(len, available));
                }
                pos += 8 + (int) (len + (len & 1));
            }
            throw new UnusableRecording("WAV has no data chunk in its first 4 KiB");
        } catch (IOException e) {
            throw new UnusableRecording("cannot read recording: " + e.getMessage());
        }
    }

    /** Throws unless the audio is 16-bit mono PCM at {@code rate} Hz with at least some samples. */
    public WavAudio requireFormat(int rate) {
        if (sampleRate != rate) {
            throw new UnusableRecording("sample rate is " + sampleRate + " Hz; the model needs " + rate + " Hz");
        }
        if (channels != 1 || bitsPerSample != 16) {
            throw new UnusableRecording("audio is " + channels + " channel(s) of " + bitsPerSample
                    + " bits; 16-bit mono is needed");
        }
        if (dataLength < 2) {
            throw new UnusableRecording("recording has no audio samples");
        }
        return this;
    }

    public double seconds() {
        return dataLength / (sampleRate * channels * (bitsPerSample / 8.0));
    }

    /** All samples of 16-bit mono audio, in memory (a 10-minute direction is ~19 MB). */
    public short[] pcm() {
        try (InputStream in = samples()) {
            byte[] bytes = in.readAllBytes();
            short[] out = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
            return out;
        } catch (IOException e) {
            throw new UnusableRecording("cannot read recording: " + e.getMessage());
        }
    }

    /** The samples, as a stream of little-endian 16-bit PCM bytes. */
    public InputStream samples() throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(dataOffset);
        InputStream in = java.nio.channels.Channels.newInputStream(ch);
        return new java.io.FilterInputStream(in) {
            long left = dataLength;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }
}
