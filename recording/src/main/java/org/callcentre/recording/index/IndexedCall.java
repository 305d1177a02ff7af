package org.callcentre.recording.index;

import java.util.List;
import java.util.Objects;
import org.callcentre.recording.transcription.Utterance;

/**
 * What is indexed for one call: its call-level document, its utterances in time order, and the
 * language they are in ("en", "zh"), which chooses the analysis.
 */
public record IndexedCall(CallDocument call, List<Utterance> utterances, String language) {
    public IndexedCall {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(language, "language");
        utterances = List.copyOf(utterances);
    }

    /** An English call. */
    public IndexedCall(CallDocument call, List<Utterance> utterances) {
        this(call, utterances, "en");
    }
}
