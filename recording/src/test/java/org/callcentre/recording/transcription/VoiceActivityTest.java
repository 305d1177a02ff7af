package org.callcentre.recording.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VoiceActivityTest {

    private static final int RATE = 16_000;

    @Test
    void aVoicedStretchInSilenceIsFoundWithItsPadding() {
        short[] audio = new short[RATE * 10];
        tone(audio, 4.0, 5.0, 3000);

        assertThat(VoiceActivity.spans(audio, RATE)).singleElement().satisfies(s -> {
            assertThat(s.from() / (double) RATE).isCloseTo(3.5, org.assertj.core.data.Offset.offset(0.03));
            assertThat(s.to() / (double) RATE).isCloseTo(5.5, org.assertj.core.data.Offset.offset(0.03));
        });
    }

    @Test
    void stretchesCloseTogetherAreOneAndFarApartAreTwo() {
        short[] audio = new short[RATE * 10];
        tone(audio, 1.0, 2.0, 3000);
        tone(audio, 2.5, 3.0, 3000);   // pause of 0.5 s: the same utterance
        tone(audio, 7.0, 8.0, 3000);   // 4 s later: another one

        assertThat(VoiceActivity.spans(audio, RATE)).hasSize(2);
    }

    @Test
    void steadyLineNoiseIsNotSpeechButSpeechOverItIs() {
        short[] audio = new short[RATE * 10];
        Random random = new Random(1);
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (short) (random.nextGaussian() * 300);  // about -40 dBFS of hiss
        }
        assertThat(VoiceActivity.spans(audio, RATE)).isEmpty();

        tone(audio, 6.0, 7.0, 6000);
        assertThat(VoiceActivity.spans(audio, RATE)).hasSize(1);
    }

    @Test
    void digitalSilenceIsSilent() throws Exception {
        WavAudio audio = WavAudio.read(Wavs.silence(java.nio.file.Files.createTempFile("silence", ".wav"), RATE, 2));

        assertThat(VoiceActivity.silent(audio)).isTrue();
    }

    private static void tone(short[] audio, double from, double to, int amplitude) {
        for (int i = (int) (from * RATE); i < (int) (to * RATE); i++) {
            audio[i] = (short) (amplitude * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
    }
}
