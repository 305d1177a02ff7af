package org.callcentre.recording.transcription;

import java.util.List;
import java.util.Objects;

/**
 * A stretch of speech by one speaker, with its words. {@code alternatives} are what the
 * recogniser nearly heard: words of its other hypotheses that the best one does not have at that
 * time, each with the share of the hypotheses' probability that had it as its confidence (empty
 * when the recogniser gave one hypothesis, and for transcripts stored before there were any).
 */
public record Utterance(Speaker speaker, double start, double end, String text, List<Word> words,
        List<Word> alternatives) {
    public Utterance {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        if (end < start) {
            throw new IllegalArgumentException("utterance ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** An utterance with its best hypothesis only. */
    public Utterance(Speaker speaker, double start, double end, String text, List<Word> words) {
        this(speaker, start, end, text, words, List.of());
    }

    /** This utterance with other words and text (redacted), the same alternatives. */
    public Utterance withWords(String text, List<Word> words) {
        return new Utterance(speaker, start, end, text, words, alternatives);
    }

    /** This utterance with other alternatives (redacted). */
    public Utterance withAlternatives(List<Word> alternatives) {
        return new Utterance(speaker, start, end, text, words, alternatives);
    }
}
