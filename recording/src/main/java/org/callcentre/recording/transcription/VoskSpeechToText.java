package org.callcentre.recording.transcription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SpeechToText} with Vosk. The model is loaded once and shared by all threads (Vosk
 * allows it); each transcription has its own {@link Recognizer}. Closing releases the model.
 */
public final class VoskSpeechToText implements SpeechToText, AutoCloseable {

    /** The rate of Vosk's standard models, checked before decoding (Vosk fails silently). */
    public static final int MODEL_RATE = 16_000;
    private static final int CHUNK = 8_000; // 0.25 s of 16 kHz audio

    private final Model model;
    private final boolean skipSilence;
    private final JsonMapper json = JsonMapper.builder().build();

    public VoskSpeechToText(Path modelDir) {
        this(modelDir, true);
    }

    /** @param skipSilence decode only the voiced stretches (see {@link VoiceActivity}) */
    public VoskSpeechToText(Path modelDir, boolean skipSilence) {
        this.skipSilence = skipSilence;
        if (!Files.isDirectory(modelDir.resolve("am"))) {
            throw new IllegalStateException("no Vosk model at " + modelDir + " (expected am/, conf/, graph/); "
                    + "run deploy/stack/stack.sh provision or set callcentre.recording.vosk-model");
        }
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        try {
            this.model = new Model(modelDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Vosk could not load the model at " + modelDir, e);
        }
    }

    @Override
    public Transcript transcribe(Path recording, Speaker speaker) {
        WavAudio audio = WavAudio.read(recording).requireFormat(MODEL_RATE);
        short[] pcm = audio.pcm();
        List<VoiceActivity.Span> spans = skipSilence ? VoiceActivity.spans(pcm, MODEL_RATE)
                : List.of(new VoiceActivity.Span(0, pcm.length));
        List<Utterance> utterances = new ArrayList<>();
        for (VoiceActivity.Span span : spans) {
            decode(pcm, span, speaker, utterances);
        }
        return new Transcript(utterances);
    }

    /**
     * Decodes one voiced stretch with its own recognizer, so word times are relative to the
     * stretch and shifted by its offset; the stretch's end flushes its last utterance.
     */
    private void decode(short[] pcm, VoiceActivity.Span span, Speaker speaker, List<Utterance> out) {
        double offset = span.from() / (double) MODEL_RATE;
        byte[] buffer = new byte[CHUNK];
        try (Recognizer recognizer = new Recognizer(model, MODEL_RATE)) {
            recognizer.setWords(true);
            int i = span.from();
            while (i < span.to()) {
                int n = Math.min(CHUNK / 2, span.to() - i);
                for (int k = 0; k < n; k++) {
                    buffer[2 * k] = (byte) pcm[i + k];
                    buffer[2 * k + 1] = (byte) (pcm[i + k] >> 8);
                }
                i += n;
                if (recognizer.acceptWaveForm(buffer, 2 * n)) {
                    addUtterance(out, recognizer.getResult(), speaker, offset);
                }
            }
            addUtterance(out, recognizer.getFinalResult(), speaker, offset);
        } catch (IOException e) {
            throw new UncheckedIOException("Vosk could not create a recognizer", e);
        }
    }

    private void addUtterance(List<Utterance> out, String result, Speaker speaker, double offset) {
        JsonNode node = json.readTree(result);
        JsonNode words = node.path("result");
        if (!words.isArray() || words.isEmpty()) {
            return;
        }
        List<Word> list = new ArrayList<>();
        for (JsonNode w : words) {
            list.add(new Word(w.path("word").asString(), offset + w.path("start").asDouble(),
                    offset + w.path("end").asDouble(), w.path("conf").asDouble()));
        }
        out.add(new Utterance(speaker, list.getFirst().start(), list.getLast().end(), node.path("text").asString(),
                list));
    }

    @Override
    public void close() {
        model.close();
    }
}
