package org.callcentre.recording.transcription;

import java.util.List;
import java.util.Objects;

/** A stretch of speech by one speaker, with its words. */
public record Utterance(Speaker speaker, double start, double end, String text, List<Word> words) {
    public Utterance {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
        if (end < start) {
            throw new IllegalArgumentException("utterance ends (" + end + ") before it starts (" + start + ")");
        }
    }
}
