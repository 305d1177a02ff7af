package org.callcentre.recording.transcription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where someone speaks in one direction of a call by frame energy. Each direction of a
 * MixMonitor recording is mostly silence (the other party talking, hold, the IVR before the
 * bridge); decoding only the voiced stretches is what makes transcription faster than raw
 * decoding, and a direction with no voiced frame at all is silent.
 *
 * <p>A frame is voiced when its RMS level is above both an absolute floor and the direction's own
 * noise floor (its quietest frames) by a margin, so steady line noise is not mistaken for speech.
 * Spans are padded so word onsets and endings are kept, and close spans are merged so a pause
 * between words does not split an utterance.
 */
public final class VoiceActivity {

    static final double FRAME_SECONDS = 0.02;
    public static final double ABSOLUTE_FLOOR_DBFS = -50;
    static final double ABOVE_NOISE_DB = 10;
    static final double PAD_SECONDS = 0.5;
    static final double MERGE_GAP_SECONDS = 0.6;

    private VoiceActivity() {
    }

    /** A voiced stretch, in samples from the start: [from, to). */
    public record Span(int from, int to) {
    }

    /** True when no frame of the (16-bit mono) recording is voiced. */
    public static boolean silent(WavAudio audio) {
        return spans(audio.pcm(), audio.sampleRate()).isEmpty();
    }

    public static List<Span> spans(short[] samples, int rate) {
        int frame = (int) (rate * FRAME_SECONDS);
        int frames = samples.length / frame + (samples.length % frame == 0 ? 0 : 1);
        double[] db = new double[frames];
        for (int f = 0; f < frames; f++) {
            db[f] = rmsDbfs(samples, f * frame, Math.min(samples.length, (f + 1) * frame));
        }
        double threshold = Math.max(ABSOLUTE_FLOOR_DBFS, noiseFloor(db) + ABOVE_NOISE_DB);
        int pad = (int) (rate * PAD_SECONDS);
        int gap = (int) (rate * MERGE_GAP_SECONDS);
        List<Span> spans = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            if (db[f] <= threshold) {
                continue;
            }
            int from = Math.max(0, f * frame - pad);
            int to = Math.min(samples.length, (f + 1) * frame + pad);
            if (!spans.isEmpty() && from - spans.getLast().to() <= gap) {
                from = spans.removeLast().from();
            }
            spans.add(new Span(from, to));
        }
        return spans;
    }

    /** The level of the tenth-percentile frame: what the line sounds like when nobody speaks. */
    private static double noiseFloor(double[] db) {
        if (db.length == 0) {
            return ABSOLUTE_FLOOR_DBFS;
        }
        double[] sorted = db.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 10];
    }

    static double rmsDbfs(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        double rms = Math.sqrt(sum / Math.max(1, to - from));
        return rms < 1 ? -100 : 20 * Math.log10(rms / 32768.0);
    }
}
