package org.callcentre.recording.transcription;

import java.io.IOException;
import java.io.InputStream;
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
    private final JsonMapper json = JsonMapper.builder().build();

    public VoskSpeechToText(Path modelDir) {
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
        List<Utterance> utterances = new ArrayList<>();
        try (Recognizer recognizer = new Recognizer(model, MODEL_RATE); InputStream in = audio.samples()) {
            recognizer.setWords(true);
            byte[] buffer = new byte[CHUNK];
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                if (recognizer.acceptWaveForm(buffer, n)) {
                    addUtterance(utterances, recognizer.getResult(), speaker);
                }
            }
            addUtterance(utterances, recognizer.getFinalResult(), speaker);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + recording, e);
        }
        return new Transcript(utterances);
    }

    private void addUtterance(List<Utterance> out, String result, Speaker speaker) {
        JsonNode node = json.readTree(result);
        JsonNode words = node.path("result");
        if (!words.isArray() || words.isEmpty()) {
            return;
        }
        List<Word> list = new ArrayList<>();
        for (JsonNode w : words) {
            list.add(new Word(w.path("word").asString(), w.path("start").asDouble(), w.path("end").asDouble(),
                    w.path("conf").asDouble()));
        }
        out.add(new Utterance(speaker, list.getFirst().start(), list.getLast().end(), node.path("text").asString(),
                list));
    }

    @Override
    public void close() {
        model.close();
    }
}
