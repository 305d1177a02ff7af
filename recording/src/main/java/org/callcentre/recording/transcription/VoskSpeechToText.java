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
 *
 * <p>With {@code alternatives} above zero the recognizer gives that many hypotheses of each
 * utterance (its n-best list, see {@link Hypotheses}): the best is the transcript, each of its
 * words with the share of the hypotheses that agree on it as its confidence; words the others
 * have instead are kept as the utterance's alternatives, for search.
 */
public final class VoskSpeechToText implements SpeechToText, AutoCloseable {

    /** The rate of Vosk's standard models, checked before decoding (Vosk fails silently). */
    public static final int MODEL_RATE = 16_000;
    private static final int CHUNK = 8_000; // 0.25 s of 16 kHz audio
    /** Silence fed after each voiced stretch: long enough for Vosk's endpoint rules (up to 1 s). */
    private static final int GAP_SAMPLES = MODEL_RATE;

    /** Hypotheses per utterance by default: enough for the word most often second, cheap to extract. */
    public static final int DEFAULT_ALTERNATIVES = 5;

    private final Model model;
    private final boolean skipSilence;
    private final int alternatives;
    private final JsonMapper json = JsonMapper.builder().build();

    public VoskSpeechToText(Path modelDir) {
        this(modelDir, true);
    }

    /** @param skipSilence decode only the voiced stretches (see {@link VoiceActivity}) */
    public VoskSpeechToText(Path modelDir, boolean skipSilence) {
        this(modelDir, skipSilence, DEFAULT_ALTERNATIVES);
    }

    /**
     * @param alternatives hypotheses per utterance (Vosk's max alternatives); 0 for the best alone,
     *                     each word's confidence then Vosk's own (minimum Bayes risk decoding)
     */
    public VoskSpeechToText(Path modelDir, boolean skipSilence, int alternatives) {
        if (alternatives < 0) {
            throw new IllegalArgumentException("alternatives must be 0 or more, not " + alternatives);
        }
        this.skipSilence = skipSilence;
        this.alternatives = alternatives;
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
        if (!spans.isEmpty()) {
            decode(pcm, spans, speaker, utterances);
        }
        return new Transcript(utterances);
    }

    /**
     * Feeds the voiced stretches one after another to one recognizer, each followed by a second of
     * digital silence, so Vosk's own endpointing closes the utterance there while its feature
     * pipeline and speaker adaptation carry over, as in a continuous decoding (forcing a final
     * result per stretch would reset them and cost accuracy on telephone audio). Each word's time
     * in the audio fed is mapped back to its time in the recording.
     */
    private void decode(short[] pcm, List<VoiceActivity.Span> spans, Speaker speaker, List<Utterance> out) {
        Timeline timeline = new Timeline(spans);
        byte[] buffer = new byte[CHUNK];
        byte[] gap = new byte[GAP_SAMPLES * 2];
        try (Recognizer recognizer = new Recognizer(model, MODEL_RATE)) {
            recognizer.setWords(true);
            if (alternatives > 0) {
                recognizer.setMaxAlternatives(alternatives);
            }
            for (VoiceActivity.Span span : spans) {
                int i = span.from();
                while (i < span.to()) {
                    int n = Math.min(CHUNK / 2, span.to() - i);
                    for (int k = 0; k < n; k++) {
                        buffer[2 * k] = (byte) pcm[i + k];
                        buffer[2 * k + 1] = (byte) (pcm[i + k] >> 8);
                    }
                    i += n;
                    if (recognizer.acceptWaveForm(buffer, 2 * n)) {
                        addUtterance(out, recognizer.getResult(), speaker, timeline);
                    }
                }
                if (recognizer.acceptWaveForm(gap, gap.length)) {
                    addUtterance(out, recognizer.getResult(), speaker, timeline);
                }
            }
            addUtterance(out, recognizer.getFinalResult(), speaker, timeline);
        } catch (IOException e) {
            throw new UncheckedIOException("Vosk could not create a recognizer", e);
        }
    }

    /**
     * Maps a time in the audio fed to the recognizer (voiced stretches end to end, each followed
     * by the silent gap) to the recording's time; a time inside a gap is the stretch's end.
     */
    private record Timeline(List<VoiceActivity.Span> spans) {
        double real(double fed) {
            double fedStart = 0;
            for (VoiceActivity.Span span : spans) {
                double length = (span.to() - span.from()) / (double) MODEL_RATE;
                double fedLength = length + GAP_SAMPLES / (double) MODEL_RATE;
                if (fed < fedStart + fedLength || span == spans.getLast()) {
                    return span.from() / (double) MODEL_RATE + Math.min(length, Math.max(0, fed - fedStart));
                }
                fedStart += fedLength;
            }
            return fed;
        }
    }

    /**
     * One result of the recognizer: {@code {"result": [words with conf], "text"}}, or with
     * alternatives {@code {"alternatives": [{"confidence", "result": [words], "text"}, ...]}}.
     */
    private void addUtterance(List<Utterance> out, String result, Speaker speaker, Timeline timeline) {
        JsonNode node = json.readTree(result);
        if (node.has("alternatives")) {
            List<Hypotheses.Hypothesis> hypotheses = new ArrayList<>();
            for (JsonNode alternative : node.path("alternatives")) {
                hypotheses.add(new Hypotheses.Hypothesis(alternative.path("confidence").asDouble(),
                        words(alternative.path("result"), timeline)));
            }
            Hypotheses.of(hypotheses).utterance(speaker).ifPresent(out::add);
            return;
        }
        List<Word> list = words(node.path("result"), timeline);
        if (!list.isEmpty()) {
            out.add(new Utterance(speaker, list.getFirst().start(), list.getLast().end(), node.path("text").asString(),
                    list));
        }
    }

    /** Words with their times in the recording; confidence Vosk's, or 1 where it gives none (n-best). */
    private static List<Word> words(JsonNode words, Timeline timeline) {
        List<Word> list = new ArrayList<>();
        for (JsonNode w : words) {
            double start = timeline.real(w.path("start").asDouble());
            double end = Math.max(start, timeline.real(w.path("end").asDouble()));
            list.add(new Word(w.path("word").asString(), start, end, w.path("conf").asDouble(1)));
        }
        return list;
    }

    @Override
    public void close() {
        model.close();
    }
}
